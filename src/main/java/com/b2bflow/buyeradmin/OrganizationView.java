package com.b2bflow.buyeradmin;

import com.b2bflow.member.AddressData;

/**
 * An organization as its administrators see it. In hierarchy listings {@code depth} is the distance from the top
 * of the administered subtree (0) and {@code address} is left out.
 */
public record OrganizationView(
        long id,
        Long parentId,
        String name,
        String type,
        String state,
        String description,
        String businessCategory,
        String taxId,
        String emailDomain,
        AddressData address,
        int depth) {}
