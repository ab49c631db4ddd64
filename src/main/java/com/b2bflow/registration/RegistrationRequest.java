package com.b2bflow.registration;

import com.b2bflow.member.AddressData;
import com.b2bflow.shared.PlainText;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What every registration entry point submits. {@code previousRegistrationId} names a rejected registration that
 * this one corrects. {@code hcl} is set only by the HCL-compatible URLs (never read from JSON): what they carry
 * beyond the form, and the sign that HCL's requirements apply (no last name or email needed).
 */
@PlainText
public record RegistrationRequest(
        @Valid @NotNull(message = "{validation.theOrganizationIsMissing}")
        OrganizationData organization,

        @Valid @NotNull(message = "{validation.theUserIsMissing}")
        UserData user,

        @Valid AddressData address,
        @Size(max = 32, message = "{validation.size.max}") String previousRegistrationId,
        @JsonIgnore @Valid HclProfile hcl) {

    public RegistrationRequest(
            OrganizationData organization, UserData user, AddressData address, String previousRegistrationId) {
        this(organization, user, address, previousRegistrationId, null);
    }

    public AddressData addressOrEmpty() {
        return address == null ? AddressData.empty() : address;
    }
}
