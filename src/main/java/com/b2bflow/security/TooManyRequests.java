package com.b2bflow.security;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The 429 problem detail of the rate limits, with {@code Retry-After} in seconds. */
final class TooManyRequests {

    private TooManyRequests() {}

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ObjectMapper json,
            String detail,
            long retryAfterSeconds)
            throws IOException {
        ProblemException tooMany = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, detail, List.of());
        tooMany.setTitle("Too many requests");
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        new ErrorResponses(json).write(request, response, tooMany);
    }
}
