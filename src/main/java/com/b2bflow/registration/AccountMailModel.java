package com.b2bflow.registration;

import com.b2bflow.account.ContractView;
import com.b2bflow.account.Contracts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The account and contracts of a registered organization in its registration mails (the approval names them):
 * {@code accountName} and {@code contracts}, empty before the account set-up.
 */
@Component
class AccountMailModel implements MailModelContribution {

    private final Contracts contracts;

    AccountMailModel(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void contribute(Registration registration, Map<String, Object> model) {
        List<ContractView> set = registration.getOrganization() == null
                        || !registration.getFlow().policyType().createsOrganization()
                ? List.of()
                : contracts.of(registration.getOrganization().getId());
        model.put("contracts", set);
        model.put("accountName", set.isEmpty() ? "" : set.get(0).accountName());
    }
}
