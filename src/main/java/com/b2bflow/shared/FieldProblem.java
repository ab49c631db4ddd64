package com.b2bflow.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message about one submitted field, named by its path in the JSON body (e.g. {@code user.logonId}). */
public record FieldProblem(String field, String message) {

    /** What forms show beside each field: its messages, one per line (the pages keep the line breaks). */
    public static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "\n" + b));
        return errors;
    }
}
