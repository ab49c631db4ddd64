package com.b2bflow.storefront;

import com.b2bflow.registration.RegistrationRequest;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser's checks of a registration form field ({@code maxlength}, {@code minlength}, {@code pattern}), read from
 * the same constraints the server checks, so the two cannot drift apart. A Java pattern becomes an HTML pattern
 * (which browsers read as a JavaScript pattern with the {@code v} flag): {@code \p{Alnum}} is ASCII letters and
 * digits, and the characters that must be escaped inside a class there are escaped.
 */
public class FormRules {

    private final Validator validator;
    private final Map<String, Optional<Set<ConstraintDescriptor<?>>>> constraints = new ConcurrentHashMap<>();

    public FormRules(Validator validator) {
        this.validator = validator;
    }

    /** The longest value the server accepts, or null. */
    public Integer maxLength(String field) {
        return attribute(field, "Size", "max").map(Integer.class::cast).orElse(null);
    }

    /** The shortest non-empty value the server accepts, or null when any length is fine. */
    public Integer minLength(String field) {
        return attribute(field, "Size", "min")
                .map(Integer.class::cast)
                .filter(min -> min > 0)
                .orElse(null);
    }

    /** The server's pattern as an HTML pattern attribute, or null. */
    public String pattern(String field) {
        return attribute(field, "Pattern", "regexp")
                .map(String.class::cast)
                .map(FormRules::htmlPattern)
                .orElse(null);
    }

    static String htmlPattern(String javaPattern) {
        String pattern = javaPattern.replace("\\p{Alnum}", "a-zA-Z0-9");
        StringBuilder html = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                html.append(c).append(pattern.charAt(++i));
            } else if (!inClass && c == '[') {
                inClass = true;
                html.append(c);
            } else if (inClass && c == ']') {
                inClass = false;
                html.append(c);
            } else if (inClass && c == '-') {
                boolean range = html.charAt(html.length() - 1) != '[' && pattern.charAt(i + 1) != ']';
                html.append(range ? "-" : "\\-");
            } else if (inClass && "()/|{}".indexOf(c) >= 0) {
                html.append('\\').append(c);
            } else {
                html.append(c);
            }
        }
        return html.toString();
    }

    private Optional<Object> attribute(String field, String constraint, String name) {
        return constraints.computeIfAbsent(field, this::lookUp).stream()
                .flatMap(Set::stream)
                .filter(d -> d.getAnnotation().annotationType().getSimpleName().equals(constraint))
                .map(d -> d.getAttributes().get(name))
                .findFirst();
    }

    private Optional<Set<ConstraintDescriptor<?>>> lookUp(String field) {
        Class<?> type = RegistrationRequest.class;
        PropertyDescriptor property = null;
        for (String part : field.split("\\.")) {
            if (property != null) {
                type = property.getElementClass();
            }
            property = validator.getConstraintsForClass(type).getConstraintsForProperty(part);
            if (property == null) {
                return Optional.empty();
            }
        }
        return Optional.of(property.getConstraintDescriptors());
    }
}
