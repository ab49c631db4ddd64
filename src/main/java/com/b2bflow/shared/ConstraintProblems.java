package com.b2bflow.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation's violations as field problems a person can act on: one message per rule, and for a field that
 * is missing only "fill it in", not also the length and character rules an empty value breaks ("Choose a logon ID",
 * never "Choose a logon ID size must be between 3 and 64"). The messages are already in the request's language:
 * the constraints name keys of {@code messages*.properties}.
 */
public final class ConstraintProblems {

    private static final Set<Class<? extends Annotation>> MISSING =
            Set.of(NotBlank.class, NotNull.class, NotEmpty.class);

    private ConstraintProblems() {}

    /** The problems, sorted by field, each field's message once. */
    public static List<FieldProblem> of(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, List<ConstraintViolation<?>>> byField = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) ->
                                v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(violation -> byField.computeIfAbsent(
                                violation.getPropertyPath().toString(), f -> new ArrayList<>())
                        .add(violation));
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, fieldViolations) -> {
            List<ConstraintViolation<?>> missing = fieldViolations.stream()
                    .filter(ConstraintProblems::isMissing)
                    .toList();
            (missing.isEmpty() ? fieldViolations : missing.subList(0, 1))
                    .stream()
                            .map(ConstraintViolation::getMessage)
                            .distinct()
                            .forEach(message -> problems.add(new FieldProblem(field, message)));
        });
        return problems;
    }

    private static boolean isMissing(ConstraintViolation<?> violation) {
        return MISSING.contains(
                violation.getConstraintDescriptor().getAnnotation().annotationType());
    }
}
