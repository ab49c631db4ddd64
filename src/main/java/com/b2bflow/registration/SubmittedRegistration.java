package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;

/** The answer to a submission: the public registration id and its state. */
public record SubmittedRegistration(String id, ApprovalState state) {}
