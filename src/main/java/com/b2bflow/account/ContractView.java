package com.b2bflow.account;

import java.time.LocalDate;

/**
 * A contract as staff and buyers see it: under which account, on which terms, from when until when ({@code validTo}
 * null: no end agreed), and whether it is in force today.
 */
public record ContractView(
        long id,
        long organizationId,
        String organizationName,
        String accountName,
        String name,
        String terms,
        LocalDate validFrom,
        LocalDate validTo,
        AccountState state,
        boolean inForce) {

    static ContractView of(Contract contract, LocalDate today) {
        Account account = contract.getAccount();
        return new ContractView(
                contract.getId(),
                account.getOrganization().getId(),
                account.getOrganization().getName(),
                account.getName(),
                contract.getName(),
                contract.getTerms(),
                contract.getValidFrom(),
                contract.getValidTo(),
                contract.getState(),
                contract.isInForceOn(today));
    }
}
