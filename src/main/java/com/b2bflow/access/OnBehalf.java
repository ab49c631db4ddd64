package com.b2bflow.access;

import java.io.Serializable;
import java.time.Instant;

/**
 * A CSR acting on behalf of a Buyer Administrator; kept in the CSR's HTTP session from "Access customer's account"
 * until they stop (or sign out).
 */
public record OnBehalf(
        String csrId,
        String csrName,
        long customerUserId,
        String customerLogonId,
        String customerName,
        long customerOrganizationId,
        String customerOrganizationName,
        String reason,
        Instant startedAt)
        implements Serializable {}
