package com.b2bflow.approval;

import java.time.Instant;

/** A buyer registration waiting for the signed-in approver's decision. */
public record PendingApproval(
        String id,
        long organizationId,
        String organizationName,
        String applicantName,
        String logonId,
        String email,
        Instant submittedAt) {}
