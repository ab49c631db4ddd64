package com.b2bflow.buyeradmin;

import java.time.Instant;
import java.util.List;

/**
 * A buyer as their administrators see them. {@code activated}: the buyer has chosen a password (a buyer created by
 * a superuser has none until they follow the activation link).
 */
public record BuyerView(
        long id,
        String logonId,
        String firstName,
        String middleName,
        String lastName,
        String email,
        String phone,
        String preferredLanguage,
        boolean enabled,
        String state,
        List<String> roles,
        long organizationId,
        String organizationName,
        boolean activated,
        Instant lastLoginAt,
        Instant createdAt) {

    public String displayName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
