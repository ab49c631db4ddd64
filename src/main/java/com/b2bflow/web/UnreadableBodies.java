package com.b2bflow.web;

import com.b2bflow.shared.FieldProblem;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Which field of an unreadable JSON body is wrong, and how to say it. */
final class UnreadableBodies {

    private UnreadableBodies() {}

    static FieldProblem problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        JsonMappingException mapping = mappingWithPath(e);
        if (mapping != null) {
            if (mapping instanceof UnrecognizedPropertyException) {
                return new FieldProblem(path(mapping.getPath()), "Unknown field: not accepted here");
            }
            return new FieldProblem(
                    path(mapping.getPath()),
                    cause instanceof StreamConstraintsException ? "Too long or too deeply nested" : expected(mapping));
        }
        if (cause instanceof StreamConstraintsException) {
            return new FieldProblem("body", "The body is too deeply nested or a value is too long");
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null) {
            String field = path(read.getProcessor().getParsingContext());
            String message = cause.getMessage() != null && cause.getMessage().startsWith("Duplicate field")
                    ? "Given more than once"
                    : "Malformed JSON here";
            return new FieldProblem(field.isEmpty() ? "body" : field, message);
        }
        return new FieldProblem("body", "Send a JSON object");
    }

    /** The outermost mapping exception that knows where in the body it happened. */
    private static JsonMappingException mappingWithPath(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return mapping;
            }
        }
        return null;
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            if (type == null) {
                return "A value of the wrong type";
            }
            if (type == String.class) {
                return "Expected a text value";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "Expected true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "Expected a whole number";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "Expected a list";
            }
            if (type.isRecord() || Map.class.isAssignableFrom(type)) {
                return "Expected an object";
            }
            return "A value of the wrong type";
        }
        return "Not accepted here";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.add(0, c.getCurrentName());
            }
        }
        return String.join(".", names);
    }
}
