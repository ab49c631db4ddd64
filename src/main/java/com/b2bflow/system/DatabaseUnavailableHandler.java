package com.b2bflow.system;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database is unreachable every request that needs it is answered 503 with Retry-After (a problem
 * detail for APIs, a short page for browsers), never a 500. The transaction never started, so nothing is half
 * written; the connection pool reconnects by itself once the database is back. Any other 503 that carries its own
 * answer (a busy submission queue) is answered the same way, for pages and APIs alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler implements HandlerExceptionResolver {

    private static final String MESSAGE =
            "The service is briefly unavailable. Nothing was saved; please try again in a moment.";

    private final ErrorResponses errors;

    DatabaseUnavailableHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        ErrorResponse unavailable = unavailable(exception);
        if (unavailable == null) {
            return null;
        }
        try {
            if (String.valueOf(request.getHeader("Accept")).contains(MediaType.TEXT_HTML_VALUE)) {
                response.setStatus(unavailable.getStatusCode().value());
                unavailable.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.getWriter()
                        .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                + "<title>Unavailable</title></head><body><main><h1>Briefly unavailable</h1><p>"
                                + HtmlUtils.htmlEscape(unavailable.getBody().getDetail())
                                + "</p></main></body></html>");
            } else {
                errors.write(request, response, unavailable);
            }
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    private static ErrorResponse unavailable(Exception exception) {
        if (exception instanceof ErrorResponse answer
                && answer.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return answer;
        }
        if (!DatabaseUnavailable.is(exception)) {
            return null;
        }
        ProblemException down = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE, List.of());
        down.getHeaders().set(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return down;
    }
}
