package com.b2bflow.cloudsuite;

import com.b2bflow.member.AddressData;
import com.b2bflow.shared.PlainText;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the ERP integration sends to create a customer ({@code POST /api/integration/customers}). The ERP never
 * sends a password: with {@code sendActivationEmail} the user chooses one through a one-time link.
 */
@PlainText
public record ErpCustomerRequest(
        @Valid @NotNull(message = "The organization is missing")
        Organization organization,

        @Valid AddressData address,
        @Valid @NotNull(message = "The user is missing") User user,
        Boolean sendActivationEmail) {

    public AddressData addressOrEmpty() {
        return address == null ? AddressData.empty() : address;
    }

    public boolean activationEmail() {
        return Boolean.TRUE.equals(sendActivationEmail);
    }

    public record Organization(
            @NotBlank(message = "Enter the organization's name") @Size(max = 128)
            String name,

            @NotBlank(message = "Enter the ERP customer number")
            @Size(max = 64)
            @Pattern(regexp = "[\\p{Alnum}._/-]*", message = "Use letters, digits and . _ / - only")
            String erpCustomerNumber,

            @Size(max = 1000) String description,
            @Size(max = 128) String businessCategory,

            @Size(max = 64)
            @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "Use letters, digits, spaces, '.', '/' or '-'")
            String taxId,

            @Size(max = 128)
            @Pattern(regexp = "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|", message = "Enter a domain such as example.com")
            String emailDomain) {}

    public record User(
            @NotBlank(message = "Choose a logon ID")
            @Size(min = 3, max = 64)
            @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "Use letters, digits and . _ @ + - only")
            String logonId,

            @Size(max = 64) String firstName,
            @Size(max = 64) String middleName,

            @NotBlank(message = "Enter the last name") @Size(max = 64)
            String lastName,

            @NotBlank(message = "Enter an email address")
            @Email(message = "Enter a valid email address")
            @Size(max = 254)
            String email,

            @Size(max = 32) @Pattern(regexp = "[0-9 +()./-]*", message = "Use digits, spaces and + ( ) . / - only")
            String phone,

            @Size(max = 8) @Pattern(regexp = "[a-zA-Z-]*") String preferredLanguage,
            /** Refused when present: only read to say so. */
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String password) {

        @Override
        public String toString() {
            return "User[" + logonId + "]";
        }
    }
}
