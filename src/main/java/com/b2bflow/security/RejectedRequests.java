package com.b2bflow.security;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests the firewall refuses (control characters in a parameter or header, encoded slashes in the path...): a 400
 * problem that names the parameter or header, instead of a bare error page. Spring Security picks this bean up.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    /** The name in "the parameter name "x" is not allowed" and in "the parameter: "x " has a value ...". */
    private static final Pattern NAMED =
            Pattern.compile("(?:parameter|header)(?: name \"(.*?)\"|: \"(.*?) \" has a value)", Pattern.DOTALL);

    private final ErrorResponses errors;

    RejectedRequests(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String reason = rejected.getMessage() == null ? "The request was rejected" : rejected.getMessage();
        Matcher matcher = NAMED.matcher(reason);
        String field = !matcher.find() ? "request" : matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        errors.write(
                request,
                response,
                new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "The request was rejected: it contains characters or a path that are not allowed",
                        List.of(new FieldProblem(field, "Not allowed here"))));
    }
}
