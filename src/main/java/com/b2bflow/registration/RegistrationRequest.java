package com.b2bflow.registration;

import com.b2bflow.member.AddressData;
import com.b2bflow.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What every registration entry point submits. {@code previousRegistrationId} names a rejected registration that
 * this one corrects.
 */
@PlainText
public record RegistrationRequest(
        @Valid @NotNull(message = "The organization is missing") OrganizationData organization,
        @Valid @NotNull(message = "The user is missing") UserData user,
        @Valid AddressData address,
        @Size(max = 32) String previousRegistrationId) {

    public AddressData addressOrEmpty() {
        return address == null ? AddressData.empty() : address;
    }
}
