package com.b2bflow.privacy;

import com.b2bflow.shared.PlainText;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Who withdraws: the applicant proves it with the logon id and password of the registration (write-only). */
@PlainText
public record WithdrawalRequest(
        String logonId,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String password) {

    @Override
    public String toString() {
        return "WithdrawalRequest[logonId=" + logonId + "]";
    }
}
