package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.account.ContractTerms;
import com.b2bflow.account.ContractView;
import com.b2bflow.account.Contracts;
import com.b2bflow.audit.AuditLog;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What account representatives (and seller and site administrators) do to an organization's contracts after the
 * set-up: add, extend, end. Who may is the staff API's security chain; every change is audited in the organization.
 */
@Service
public class ContractAdministration {

    private final Contracts contracts;
    private final AuditLog audit;

    public ContractAdministration(Contracts contracts, AuditLog audit) {
        this.contracts = contracts;
        this.audit = audit;
    }

    @Transactional
    public ContractView add(Actor actor, long organizationId, ContractTerms agreed) {
        ContractView added = contracts.add(organizationId, agreed);
        record(
                actor,
                "CONTRACT_ADDED",
                added,
                "contract '" + added.name() + "' of account '" + added.accountName()
                        + "' from " + added.validFrom() + " until "
                        + (added.validTo() == null ? "further notice" : added.validTo()));
        return added;
    }

    @Transactional
    public ContractView extend(Actor actor, long organizationId, long contractId, LocalDate validTo) {
        ContractView extended = contracts.extend(organizationId, contractId, validTo);
        record(actor, "CONTRACT_EXTENDED", extended, "contract '" + extended.name() + "' until " + extended.validTo());
        return extended;
    }

    @Transactional
    public ContractView end(Actor actor, long organizationId, long contractId, LocalDate lastDay) {
        ContractView ended = contracts.end(organizationId, contractId, lastDay);
        record(actor, "CONTRACT_ENDED", ended, "contract '" + ended.name() + "' ends on " + ended.validTo());
        return ended;
    }

    private void record(Actor actor, String action, ContractView contract, String details) {
        audit.recordInOrganization(
                actor.id(), null, null, contract.organizationId(), action, "Contract", contract.id(), details);
    }
}
