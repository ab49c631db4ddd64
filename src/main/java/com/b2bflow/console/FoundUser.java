package com.b2bflow.console;

import com.b2bflow.member.ApprovalState;
import java.util.List;

/** A storefront user as Find lists them: who, where in the tree, in which state, and what waits for a decision. */
public record FoundUser(
        long id,
        String name,
        String logonId,
        String email,
        long organizationId,
        String organizationPath,
        ApprovalState state,
        boolean enabled,
        boolean locked,
        List<OpenRegistration> openRegistrations) {}
