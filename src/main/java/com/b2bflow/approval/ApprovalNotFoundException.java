package com.b2bflow.approval;

/** No such buyer registration or customer organization: 404. */
public class ApprovalNotFoundException extends RuntimeException {

    public ApprovalNotFoundException(String message) {
        super(message);
    }
}
