package com.b2bflow.customerservice;

import java.util.List;

/** A customer as customer service finds them. {@code administrator}: may be accessed on behalf. */
public record CustomerView(
        long id,
        String logonId,
        String name,
        String email,
        long organizationId,
        String organizationName,
        List<String> roles,
        boolean administrator,
        boolean enabled,
        String state) {}
