package com.b2bflow.shared;

/** The submission clashes with existing data (a taken logon id, an organization name in use): 409. */
public class RegistrationConflictException extends RuntimeException {

    private final transient FieldProblem problem;

    public RegistrationConflictException(String field, String message) {
        super(message);
        this.problem = new FieldProblem(field, message);
    }

    public FieldProblem problem() {
        return problem;
    }

    public static RegistrationConflictException logonIdTaken() {
        return new RegistrationConflictException("user.logonId", "This logon ID is already taken; choose another one");
    }

    public static RegistrationConflictException organizationNameTaken() {
        return new RegistrationConflictException("organization.name",
                "An organization with this name is already registered");
    }
}
