package com.b2bflow.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database is unreachable every request that needs it is answered 503 with Retry-After (a problem
 * detail for APIs, a short page for browsers), never a 500. The transaction never started, so nothing is half
 * written; the connection pool reconnects by itself once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler implements HandlerExceptionResolver {

    private static final String MESSAGE = "The service is briefly unavailable. Nothing was saved; please try again in a moment.";

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!DatabaseUnavailable.is(exception)) {
            return null;
        }
        try {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            boolean browser = String.valueOf(request.getHeader("Accept")).contains(MediaType.TEXT_HTML_VALUE);
            response.setContentType(browser ? MediaType.TEXT_HTML_VALUE + ";charset=UTF-8"
                    : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(browser
                    ? "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unavailable</title></head>"
                    + "<body><main><h1>Briefly unavailable</h1><p>" + MESSAGE + "</p></main></body></html>"
                    : "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                    + MESSAGE + "\"}");
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
