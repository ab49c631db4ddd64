package com.b2bflow.registration;

import java.time.Instant;

/**
 * A registration as its submitter may see it. {@code step} is the open process step (e.g.
 * {@code Task_ReviewRegistration}) while pending; {@code decision} and {@code reason} once decided;
 * {@code correctionId} the registration that corrects this rejected one, once submitted.
 */
public record RegistrationStatus(
        String id,
        String flow,
        String state,
        String step,
        Long organizationId,
        String decision,
        String reason,
        Instant submittedAt,
        Instant decidedAt,
        String previousRegistrationId,
        String correctionId) {}
