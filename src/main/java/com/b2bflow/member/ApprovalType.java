package com.b2bflow.member;

/** What an approval group approves. */
public enum ApprovalType {
    UserRegistration,
    OrderApproval
}
