package com.b2bflow.member;

/** Registration state of organizations, users and registrations alike. */
public enum ApprovalState {
    PENDING, APPROVED, REJECTED
}
