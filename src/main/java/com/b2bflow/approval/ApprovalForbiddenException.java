package com.b2bflow.approval;

/** The signed-in user may not do this (decide this registration, manage this approval group): 403. */
public class ApprovalForbiddenException extends RuntimeException {

    public ApprovalForbiddenException(String message) {
        super(message);
    }
}
