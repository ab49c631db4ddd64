package com.b2bflow.web;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers itself, before any filter or controller runs: a URL or headers longer than the
 * connector takes ({@code server.max-http-request-header-size}, 8 KB) and other unreadable request lines. Tomcat's
 * error report valve would answer them with its own HTML page; this one answers with a problem detail (RFC 9457) that
 * names the URL. Errors the application answered itself are left alone (the valve only writes when nothing was).
 */
@Component
class TomcatErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;

    TomcatErrorProblems(ObjectMapper json) {
        this.json = json;
    }

    /** After Spring Boot's own customizer, which puts a plain error report valve on the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(json));
            }
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final ErrorResponses errors;

        /** For Tomcat, should it make one from the class name: then with a mapper of its own. */
        public ProblemReportValve() {
            this(new ObjectMapper());
        }

        ProblemReportValve(ObjectMapper json) {
            this.errors = new ErrorResponses(json);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus httpStatus = HttpStatus.resolve(status);
            if (httpStatus == null) {
                return;
            }
            ProblemException problem = httpStatus == HttpStatus.BAD_REQUEST
                    ? new ProblemException(
                            httpStatus,
                            "The request could not be read: its URL (or its headers) is too long or malformed",
                            List.of(new FieldProblem("url", "Too long or malformed: at most 8 KB of URL and headers")))
                    : new ProblemException(httpStatus, httpStatus.getReasonPhrase(), List.of());
            try {
                errors.write(request.getRequest(), response.getResponse(), problem);
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: nothing more to say
            }
        }
    }
}
