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
        @Valid @NotNull(message = "{validation.theOrganizationIsMissing}")
        Organization organization,

        @Valid AddressData address,

        @Valid @NotNull(message = "{validation.theUserIsMissing}")
        User user,

        Boolean sendActivationEmail) {

    public AddressData addressOrEmpty() {
        return address == null ? AddressData.empty() : address;
    }

    public boolean activationEmail() {
        return Boolean.TRUE.equals(sendActivationEmail);
    }

    public record Organization(
            @NotBlank(message = "{validation.enterTheOrganizationSName}")
            @Size(max = 128, message = "{validation.size.max}")
            String name,

            @NotBlank(message = "{validation.enterTheErpCustomerNumber}")
            @Size(max = 64, message = "{validation.size.max}")
            @Pattern(regexp = "[\\p{Alnum}._/-]*", message = "{validation.useLettersDigitsAndOnly}")
            String erpCustomerNumber,

            @Size(max = 1000, message = "{validation.size.max}")
            String description,

            @Size(max = 128, message = "{validation.size.max}")
            String businessCategory,

            @Size(max = 64, message = "{validation.size.max}")
            @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "{validation.useLettersDigitsSpacesOr}")
            String taxId,

            @Size(max = 128, message = "{validation.size.max}")
            @Pattern(regexp = "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|", message = "{validation.enterADomainSuchAsExample}")
            String emailDomain) {}

    public record User(
            @NotBlank(message = "{validation.chooseALogonId}")
            @Size(min = 3, max = 64, message = "{validation.size.range}")
            @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "{validation.useLettersDigitsAndOnly}")
            String logonId,

            @Size(max = 64, message = "{validation.size.max}")
            String firstName,

            @Size(max = 64, message = "{validation.size.max}")
            String middleName,

            @NotBlank(message = "{validation.enterTheLastName}") @Size(max = 64, message = "{validation.size.max}")
            String lastName,

            @NotBlank(message = "{validation.enterAnEmailAddress}")
            @Email(message = "{validation.enterAValidEmailAddress}")
            @Size(max = 254, message = "{validation.size.max}")
            String email,

            @Size(max = 32, message = "{validation.size.max}")
            @Pattern(regexp = "[0-9 +()./-]*", message = "{validation.useDigitsSpacesAndOnly}")
            String phone,

            @Size(max = 8, message = "{validation.size.max}")
            @Pattern(regexp = "[a-zA-Z-]*", message = "{validation.useALanguageTagSuchAs}")
            String preferredLanguage,
            /** Refused when present: only read to say so. */
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String password) {

        @Override
        public String toString() {
            return "User[" + logonId + "]";
        }
    }
}
