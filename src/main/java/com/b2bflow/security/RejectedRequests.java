package com.b2bflow.security;

import com.b2bflow.shared.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests the firewall refuses (control characters in a parameter name or header, encoded slashes in the path...):
 * a 400 problem that says what was refused, instead of a bare error page. Spring Security picks this bean up.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Pattern QUOTED = Pattern.compile("(parameter name|parameter value|header name|header value)"
            + " \"(.*?)\"", Pattern.DOTALL);

    private final ObjectMapper json;

    RejectedRequests(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        String reason = rejected.getMessage() == null ? "The request was rejected" : rejected.getMessage();
        Matcher matcher = QUOTED.matcher(reason);
        String field = matcher.find() && matcher.group(1).endsWith("name") ? matcher.group(2) : "request";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request was rejected: it contains characters or a path that are not allowed");
        problem.setProperty("errors", List.of(new FieldProblem(field, "Not allowed here")));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
