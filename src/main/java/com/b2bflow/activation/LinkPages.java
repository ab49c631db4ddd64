package com.b2bflow.activation;

import com.b2bflow.shared.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the pages behind one-time links (activation, password reset) share. */
final class LinkPages {

    private LinkPages() {}

    /** The token is in the URL: no referrer to other sites, no caching. */
    static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    /** Field problems as the form fragment shows them: one message per field. */
    static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        return errors;
    }
}
