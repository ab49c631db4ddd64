package com.b2bflow.buyeradmin;

import java.util.List;

/**
 * The roles an organization's buyer administrators (or a CSR on their behalf) may give to buyers in it and below it.
 *
 * @param roles         the roles that apply
 * @param own           the organization's own roles (empty: it inherits)
 * @param inherited     whether {@code roles} come from an organization above it or from the seller's default
 * @param definedBy     the organization whose own roles apply; null when the seller's default applies
 */
public record OrganizationRoles(
        long organizationId,
        String organizationName,
        List<String> roles,
        List<String> own,
        boolean inherited,
        Long definedBy) {}
