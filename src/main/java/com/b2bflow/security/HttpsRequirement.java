package com.b2bflow.security;

import com.b2bflow.shared.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Serves nothing over plain HTTP ({@code app.security.require-https}): a GET or HEAD is redirected permanently to the
 * same address with https, any other request is refused with a 403 problem detail. A redirected POST would make the
 * client send its body (a password, a registration) over plain HTTP a second time, so those fail loudly instead.
 * <p>
 * "Secure" is what the servlet request says: behind a TLS-terminating proxy Tomcat's remote IP valve
 * ({@code server.forward-headers-strategy: native}) marks a request secure when a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}) sent {@code X-Forwarded-Proto: https}; the header from anyone else
 * is ignored. Paths in {@code app.security.plain-http-paths} (the health probes) pass over plain HTTP.
 */
class HttpsRequirement extends OncePerRequestFilter {

    private final RequestMatcher plainHttpPaths;
    private final ObjectMapper json;

    HttpsRequirement(RequestMatcher plainHttpPaths, ObjectMapper json) {
        this.plainHttpPaths = plainHttpPaths;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.isSecure() || plainHttpPaths.matches(request)) {
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
            response.setHeader(HttpHeaders.LOCATION, httpsAddress(request));
        } else {
            refuse(request, response);
        }
    }

    /** The same address with https on its default port: the host is the one the client asked for. */
    static String httpsAddress(HttpServletRequest request) {
        return UriComponentsBuilder.newInstance()
                .scheme("https")
                .host(request.getServerName())
                .path(request.getRequestURI())
                .query(request.getQueryString())
                .build(true)
                .toUriString();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "HTTPS is required: send this request to " + httpsAddress(request));
        problem.setTitle("HTTPS required");
        problem.setProperty("errors", List.of(new FieldProblem("scheme", "Use https, not http")));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
