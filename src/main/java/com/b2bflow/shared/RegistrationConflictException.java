package com.b2bflow.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The submission clashes with existing data (a taken logon id, an organization name in use): 409. */
public class RegistrationConflictException extends ProblemException {

    private final transient FieldProblem problem;

    public RegistrationConflictException(String field, String message) {
        this(new FieldProblem(field, message));
    }

    private RegistrationConflictException(FieldProblem problem) {
        super(HttpStatus.CONFLICT, problem.message(), List.of(problem));
        this.problem = problem;
    }

    public FieldProblem problem() {
        return problem;
    }

    public static RegistrationConflictException logonIdTaken() {
        return new RegistrationConflictException("user.logonId", Texts.text("conflict.logonIdTaken"));
    }

    public static RegistrationConflictException organizationNameTaken() {
        return new RegistrationConflictException("organization.name", Texts.text("conflict.organizationNameTaken"));
    }
}
