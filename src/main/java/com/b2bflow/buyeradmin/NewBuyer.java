package com.b2bflow.buyeradmin;

import com.b2bflow.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A buyer a Buyer Administrator (or a CSR on their behalf) creates: {@code roles} are picked from the
 * SuperuserCreation policy's selectable roles and cannot be changed later in the storefront. No password: the buyer
 * chooses one through the activation email.
 */
@PlainText
public record NewBuyer(
        @NotBlank(message = "Choose a logon ID")
        @Size(min = 3, max = 64, message = "Use 3 to 64 characters")
        @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "Use letters, digits and . _ @ + - only")
        String logonId,

        @Size(max = 64) String firstName,
        @Size(max = 64) String middleName,

        @NotBlank(message = "Enter the last name") @Size(max = 64)
        String lastName,

        @NotBlank(message = "Enter an email address") @Email(message = "Enter a valid email address") @Size(max = 254)
        String email,

        @Size(max = 32) @Pattern(regexp = "[0-9 +()./-]*", message = "Use digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 8) @Pattern(regexp = "[a-zA-Z-]*", message = "Use a language tag such as en or de")
        String preferredLanguage,

        List<String> roles) {}
