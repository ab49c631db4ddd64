package com.b2bflow.console;

import com.b2bflow.member.ApprovalState;
import java.util.List;

/** An organization as Find lists it. {@code path} names its ancestors from the root down, without itself. */
public record FoundOrganization(
        long id,
        String name,
        String taxId,
        String path,
        ApprovalState state,
        List<OpenRegistration> openRegistrations) {}
