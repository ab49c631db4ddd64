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
        @Size(max = 64) String firstName,
        @Size(max = 64) String middleName,

        @Size(min = 1, max = 64, message = "Enter the last name")
        String lastName,

        @Email(message = "Enter a valid email address") @Size(min = 3, max = 254, message = "Enter an email address")
        String email,

        @Size(max = 32) @Pattern(regexp = "[0-9 +()./-]*", message = "Use digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 8) @Pattern(regexp = "[a-zA-Z-]*", message = "Use a language tag such as en or de")
        String preferredLanguage,

        Boolean enabled,
        List<String> roles) {}
