package com.b2bflow.registration;

import com.b2bflow.account.ContractTerms;
import java.util.List;
import java.util.stream.Collectors;

/** What the account representative enters in {@code Task_SetUpAccount}: the account and one or more contracts. */
public record AccountSetup(String accountName, List<ContractTerms> contracts) {

    public AccountSetup {
        contracts = List.copyOf(contracts);
    }

    /** The contracts as mails and forms show them: "name (from – to)", one a line. */
    public String contractsSummary() {
        return contracts.stream().map(AccountSetup::summary).collect(Collectors.joining("\n"));
    }

    static String summary(ContractTerms contract) {
        return contract.name() + " (" + contract.validFrom() + " – "
                + (contract.validTo() == null ? "open-ended" : contract.validTo()) + ")";
    }
}
