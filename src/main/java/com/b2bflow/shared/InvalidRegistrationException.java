package com.b2bflow.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Bad input: answered with 400 and a message per field; nothing was persisted. */
public class InvalidRegistrationException extends ProblemException {

    private final transient List<FieldProblem> problems;

    public InvalidRegistrationException(List<FieldProblem> problems) {
        this(Texts.text("problem.fieldsNeedAttention"), problems);
    }

    /** @param detail the summary above the field errors, where a client's own words fit better than the usual one */
    public InvalidRegistrationException(String detail, List<FieldProblem> problems) {
        super(
                HttpStatus.BAD_REQUEST,
                detail,
                problems,
                "Invalid registration: "
                        + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidRegistrationException of(String field, String message) {
        return new InvalidRegistrationException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
