package com.b2bflow.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Text fields take no control characters: a NUL cannot even be stored in PostgreSQL, and line breaks in a name
 * end up in mail subjects and headers. Free-text fields ({@link #MULTILINE}) may hold line breaks and tabs.
 * Walks the string components of a request record and of the records inside it.
 */
public final class ControlCharacters {

    /** Components that are free text: tabs and line breaks are allowed there. */
    static final Set<String> MULTILINE = Set.of("description", "reason", "rejectionReason");

    private ControlCharacters() {
    }

    /** A problem per string field (named by its path, such as {@code user.lastName}) holding a control character. */
    public static List<FieldProblem> problems(Object request) {
        List<FieldProblem> problems = new ArrayList<>();
        collect("", request, problems, 0);
        return problems;
    }

    private static void collect(String prefix, Object value, List<FieldProblem> problems, int depth) {
        if (value == null || depth > 4 || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
            String path = prefix + component.getName();
            if (field instanceof String text) {
                if (containsControl(text, MULTILINE.contains(component.getName()))) {
                    problems.add(new FieldProblem(path, "Remove the control characters (such as line breaks)"));
                }
            } else {
                collect(path + ".", field, problems, depth + 1);
            }
        }
    }

    public static boolean containsControl(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL
                    && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }
}
