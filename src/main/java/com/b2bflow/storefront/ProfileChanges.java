package com.b2bflow.storefront;

import com.b2bflow.shared.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/me/profile} and the profile form of My Account: only the fields sent change (the same rules as
 * for a buyer's details). {@code receiveEmail} is the marketing consent, which only the user gives or withdraws.
 */
@PlainText
public record ProfileChanges(
        @Size(max = 64, message = "{validation.size.max}") String firstName,
        @Size(max = 64, message = "{validation.size.max}") String middleName,

        @Size(max = 64, message = "{validation.size.max}")
        @Pattern(regexp = ".*\\S.*", message = "{validation.enterTheLastName}")
        String lastName,

        @Size(max = 32, message = "{validation.size.max}")
        @Pattern(regexp = "[0-9 +()./-]*", message = "{validation.useDigitsSpacesAndOnly}")
        String phone,

        @Pattern(regexp = "en|de", message = "{validation.useALanguageTagSuchAs}")
        String preferredLanguage,

        @Pattern(regexp = "[A-Z]{3}", message = "{validation.useAThreeLetterIso4217}")
        String preferredCurrency,

        Boolean receiveEmail) {}
