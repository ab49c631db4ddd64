package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import java.time.Instant;

/**
 * A registration as seller staff see it in a list: what it registers, where it stands and, while pending, the step it
 * waits in.
 *
 * @param processRunning whether its process instance still runs (Cockpit shows running instances)
 * @param waiting        null unless pending and waiting in a staff or external task
 */
public record RegistrationSummary(
        String id,
        RegistrationFlow flow,
        ApprovalState state,
        Long organizationId,
        String organizationName,
        Long userId,
        String logonId,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String processInstanceId,
        boolean processRunning,
        WaitingStep waiting) {}
