package com.b2bflow.member;

/**
 * Registration state of organizations, users and registrations alike. WITHDRAWN: the applicant withdrew a pending
 * registration (treated like REJECTED: the user cannot sign in, the data is erased after the retention period).
 */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
