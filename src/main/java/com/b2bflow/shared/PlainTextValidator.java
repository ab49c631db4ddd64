package com.b2bflow.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Set;

/** Checks a {@link PlainText} request record: one violation per string field holding a control character. */
public class PlainTextValidator implements ConstraintValidator<PlainText, Object> {

    /** Components that are free text: tabs and line breaks are allowed there. */
    static final Set<String> MULTILINE = Set.of("description", "reason", "rejectionReason");

    @Override
    public boolean isValid(Object request, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        return check("", request, context, 0);
    }

    private static boolean check(String prefix, Object value, ConstraintValidatorContext context, int depth) {
        if (value == null || depth > 4 || !value.getClass().isRecord()) {
            return true;
        }
        boolean valid = true;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                Method accessor = component.getAccessor();
                accessor.trySetAccessible(); // request records nested in a controller are package-private
                field = accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
            String path = prefix + component.getName();
            boolean multiline = MULTILINE.contains(component.getName());
            if (field instanceof String text
                    ? containsControl(text, multiline)
                    : field instanceof Collection<?> values
                            && values.stream()
                                    .anyMatch(
                                            item -> item instanceof String text && containsControl(text, multiline))) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(path)
                        .addConstraintViolation();
                valid = false;
            } else {
                valid &= check(path + ".", field, context, depth + 1);
            }
        }
        return valid;
    }

    /** A control character other than, in free text, a line break or tab. */
    public static boolean containsControl(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }
}
