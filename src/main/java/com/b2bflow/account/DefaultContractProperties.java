package com.b2bflow.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.registration.default-contract}: the account and contract that organizations activated without
 * a staff set-up get (approval switched off by their policy) and that customers created by the
 * shop and ERP flows get at once, so that their users may order directly (CloudSuite: "user can order directly").
 *
 * @param accountName  name of the account, e.g. {@code Shop account}
 * @param contractName name of its contract, e.g. {@code Standard terms}
 * @param terms        the contract's terms (optional), e.g. {@code Payment on order}
 */
@ConfigurationProperties("app.registration.default-contract")
public record DefaultContractProperties(String accountName, String contractName, String terms) {

    public DefaultContractProperties {
        accountName = accountName == null || accountName.isBlank() ? "Standard account" : accountName.strip();
        contractName = contractName == null || contractName.isBlank() ? "Standard terms" : contractName.strip();
        terms = terms == null || terms.isBlank() ? null : terms.strip();
        if (accountName.length() > 128 || contractName.length() > 128) {
            throw new IllegalArgumentException(
                    "app.registration.default-contract: account and contract names have at most 128 characters");
        }
    }
}
