package com.b2bflow.registration;

import com.b2bflow.member.AddressData;
import com.b2bflow.member.ProfileType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What HCL Commerce's registration URLs carry beyond the storefront form (ADR 0024): the profile type (checked
 * against the flow's policy), preferred currency, marketing consent, the organization's contact email and tax payer
 * id, the user's own address, and every other documented parameter under the HCL table that holds it
 * ({@code attributes}: HCL table → parameter name without prefix → value). A request that has one follows HCL's
 * requirements: the user's last name and email address are optional.
 */
public record HclProfile(
        ProfileType profileType,

        @Pattern(regexp = "[A-Z]{3}", message = "{validation.useAThreeLetterIso4217}")
        String preferredCurrency,

        Boolean receiveEmail,

        @Email(message = "{validation.enterAValidEmailAddress}") @Size(max = 254, message = "{validation.size.max}")
        String organizationEmail,

        @Size(max = 64, message = "{validation.size.max}")
        @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "{validation.useLettersDigitsSpacesOr}")
        String organizationTaxPayerId,

        @Valid AddressData userAddress,
        Map<String, Map<String, String>> userAttributes,
        Map<String, Map<String, String>> organizationAttributes) {

    public HclProfile {
        userAttributes = userAttributes == null ? Map.of() : Map.copyOf(userAttributes);
        organizationAttributes = organizationAttributes == null ? Map.of() : Map.copyOf(organizationAttributes);
    }
}
