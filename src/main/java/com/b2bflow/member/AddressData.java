package com.b2bflow.member;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Size;

/** Address fields as submitted; every field optional except where a flow says otherwise. */
public record AddressData(
        @Size(max = 128, message = "{validation.size.max}") String address1,
        @Size(max = 128, message = "{validation.size.max}") String address2,
        @Size(max = 64, message = "{validation.size.max}") String city,
        @Size(max = 64, message = "{validation.size.max}") String state,
        @Size(max = 32, message = "{validation.size.max}") String postalCode,
        @Size(max = 64, message = "{validation.size.max}") String country,
        @Size(max = 32, message = "{validation.size.max}") String phone) {

    public static AddressData empty() {
        return new AddressData(null, null, null, null, null, null, null);
    }

    /** Not a field of the JSON: a client that sends back what it read must not send an unknown "empty". */
    @JsonIgnore
    public boolean isEmpty() {
        return new Address(this).summary().isEmpty() && (phone == null || phone.isBlank());
    }
}
