package com.b2bflow.shared;

import java.util.List;

/** Bad input: answered with 400 and a message per field; nothing was persisted. */
public class InvalidRegistrationException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRegistrationException(List<FieldProblem> problems) {
        super("Invalid registration: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidRegistrationException of(String field, String message) {
        return new InvalidRegistrationException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
