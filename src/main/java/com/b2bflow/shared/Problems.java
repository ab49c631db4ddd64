package com.b2bflow.shared;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The one shape of an error answer: an RFC 9457 problem detail, field errors under {@code errors}. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
