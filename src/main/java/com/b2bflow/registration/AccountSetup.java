package com.b2bflow.registration;

import java.time.LocalDate;

/** What the account representative enters in {@code Task_SetUpAccount}. */
public record AccountSetup(String accountName, String contractName, String contractTerms, LocalDate validFrom,
                           LocalDate validTo) {
}
