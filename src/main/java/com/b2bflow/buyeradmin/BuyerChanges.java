package com.b2bflow.buyeradmin;

import com.b2bflow.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PATCH /api/me/buyers/{id}}: only the fields sent change. {@code enabled} enables or disables the buyer.
 * {@code roles} is refused (403): roles are given when a buyer is created.
 */
@PlainText
public record BuyerChanges(
        @Size(max = 64, message = "{validation.size.max}") String firstName,
        @Size(max = 64, message = "{validation.size.max}") String middleName,

        @Size(min = 1, max = 64, message = "{validation.enterTheLastName}")
        String lastName,

        @Email(message = "{validation.enterAValidEmailAddress}")
        @Size(min = 3, max = 254, message = "{validation.enterAnEmailAddress}")
        String email,

        @Size(max = 32, message = "{validation.size.max}")
        @Pattern(regexp = "[0-9 +()./-]*", message = "{validation.useDigitsSpacesAndOnly}")
        String phone,

        @Size(max = 8, message = "{validation.size.max}")
        @Pattern(regexp = "[a-zA-Z-]*", message = "{validation.useALanguageTagSuchAs}")
        String preferredLanguage,

        Boolean enabled,
        List<String> roles) {}
