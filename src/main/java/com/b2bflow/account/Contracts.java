package com.b2bflow.account;

import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.HumanFormat;
import com.b2bflow.shared.ProblemException;
import com.b2bflow.shared.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts of organizations' accounts after the set-up: the default account of organizations that need no
 * set-up, contracts account reps add, extend or end later, the contracts buyers order under, and the contracts whose
 * expiry is due to be announced. The rules of a contract's terms are {@link ContractTerms}'.
 */
@Service
public class Contracts {

    /** The names of a contract's parts in the JSON bodies of the API. */
    private static final Map<ContractTerms.Part, String> FIELDS = Map.of(
            ContractTerms.Part.NAME,
            "name",
            ContractTerms.Part.TERMS,
            "terms",
            ContractTerms.Part.VALID_FROM,
            "validFrom",
            ContractTerms.Part.VALID_TO,
            "validTo");

    private final AccountRepository accounts;
    private final ContractRepository contracts;
    private final OrganizationRepository organizations;
    private final DefaultContractProperties defaults;

    public Contracts(
            AccountRepository accounts,
            ContractRepository contracts,
            OrganizationRepository organizations,
            DefaultContractProperties defaults) {
        this.accounts = accounts;
        this.contracts = contracts;
        this.organizations = organizations;
        this.defaults = defaults;
    }

    /**
     * An active default account with a contract in force from today (no end), unless the organization has an active
     * account already; true when it was opened.
     */
    @Transactional
    public boolean ensureDefaultAccount(Organization organization) {
        boolean hasActive = accounts.findByOrganization(organization).stream()
                .anyMatch(account -> account.getState() == AccountState.ACTIVE);
        if (hasActive) {
            return false;
        }
        Account account = new Account(organization, defaults.accountName());
        account.addContract(new ContractTerms(defaults.contractName(), defaults.terms(), today(), null));
        account.activate();
        accounts.save(account);
        return true;
    }

    /** Every contract of the organization's accounts that are not closed, in the order they start. */
    @Transactional(readOnly = true)
    public List<ContractView> of(long organizationId) {
        LocalDate today = today();
        return accounts.findByOrganization(organization(organizationId)).stream()
                .filter(account -> account.getState() != AccountState.CLOSED)
                .flatMap(account -> account.getContracts().stream())
                .sorted(byStart())
                .map(contract -> ContractView.of(contract, today))
                .toList();
    }

    /**
     * The contracts the organization's buyers order under: those of its own and its parents' active accounts that
     * have not ended, in the order they start (one not yet started says from when ordering will be possible).
     */
    @Transactional(readOnly = true)
    public List<ContractView> orderingUnder(Organization organization) {
        LocalDate today = today();
        List<Organization> lineage = new ArrayList<>();
        lineage.add(organization);
        lineage.addAll(organizations.findAncestors(organization.getId()));
        return lineage.stream()
                .flatMap(org -> accounts.findByOrganization(org).stream())
                .filter(account -> account.getState() == AccountState.ACTIVE)
                .flatMap(account -> account.getContracts().stream())
                .filter(contract -> contract.getState() == AccountState.ACTIVE)
                .filter(contract ->
                        contract.getValidTo() == null || !contract.getValidTo().isBefore(today))
                .sorted(byStart())
                .map(contract -> ContractView.of(contract, today))
                .toList();
    }

    /**
     * A new contract of the organization's open account (an account with the default name is opened when it has
     * none); in force from its first day when the account is active.
     */
    @Transactional
    public ContractView add(long organizationId, ContractTerms agreed) {
        agreed.violation().ifPresent(violation -> {
            throw invalid(FIELDS.get(violation.part()), violation.message());
        });
        Organization organization = organization(organizationId);
        Account account = accounts.findByOrganization(organization).stream()
                .filter(candidate -> candidate.getState() != AccountState.CLOSED)
                .min(Comparator.comparing(Account::getId))
                .orElseGet(() -> accounts.save(new Account(organization, defaults.accountName())));
        Contract contract = account.addContract(agreed);
        contracts.save(contract);
        return ContractView.of(contract, today());
    }

    /** Moves the last day of the contract later (an open-ended contract has no end to move: 409). */
    @Transactional
    public ContractView extend(long organizationId, long contractId, LocalDate validTo) {
        Contract contract = contract(organizationId, contractId);
        if (validTo == null) {
            throw invalid("validTo", Texts.text("contract.newLastDayMissing"));
        }
        if (contract.getValidTo() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, Texts.text("contract.noEndToExtend"), List.of());
        }
        if (!validTo.isAfter(contract.getValidTo())) {
            throw invalid("validTo", Texts.text("contract.extensionEndsLater", day(contract.getValidTo())));
        }
        contract.lastDay(validTo);
        return ContractView.of(contract, today());
    }

    /** Ends the contract on the given last day (today when not given), which is no later than its current end. */
    @Transactional
    public ContractView end(long organizationId, long contractId, LocalDate lastDay) {
        Contract contract = contract(organizationId, contractId);
        LocalDate day = lastDay == null ? today() : lastDay;
        ContractTerms.lastDayViolation(contract.getValidFrom(), day).ifPresent(violation -> {
            throw invalid("lastDay", Texts.text("contract.endsBeforeStart", day(contract.getValidFrom())));
        });
        if (contract.getValidTo() != null && day.isAfter(contract.getValidTo())) {
            throw invalid("lastDay", Texts.text("contract.endsAlready", day(contract.getValidTo())));
        }
        contract.lastDay(day);
        return ContractView.of(contract, today());
    }

    /**
     * The contracts whose expiry warning is due today: in force, ending within {@code leadDays}, and not yet warned
     * about their current last day (an extension announces its new end again).
     */
    @Transactional(readOnly = true)
    public List<ContractView> expiryWarningsDue(int leadDays) {
        LocalDate today = today();
        return contracts.endingBetween(today, today.plusDays(leadDays)).stream()
                .filter(contract -> contract.expiryWarningDue(today, leadDays))
                .map(contract -> ContractView.of(contract, today))
                .toList();
    }

    /** The warning about this last day went out (a contract changed since keeps its warning due). */
    @Transactional
    public void expiryWarned(ContractView warned) {
        contracts
                .findById(warned.id())
                .filter(contract -> warned.validTo().equals(contract.getValidTo()))
                .ifPresent(Contract::expiryWarned);
    }

    /** Today by the engine's clock, which tests move. */
    static LocalDate today() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(java.time.ZoneId.systemDefault())
                .toLocalDate();
    }

    private Contract contract(long organizationId, long contractId) {
        Contract contract = contracts.findById(contractId).orElse(null);
        if (contract == null || !contract.getAccount().getOrganization().getId().equals(organizationId)) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    Texts.text("problem.noContract", String.valueOf(contractId), String.valueOf(organizationId)),
                    List.of());
        }
        if (contract.getAccount().getState() == AccountState.CLOSED) {
            throw new ProblemException(HttpStatus.CONFLICT, Texts.text("contract.accountClosed"), List.of());
        }
        return contract;
    }

    private Organization organization(long organizationId) {
        return organizations
                .findById(organizationId)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND,
                        Texts.text("problem.noOrganization", String.valueOf(organizationId)),
                        List.of()));
    }

    private static Comparator<Contract> byStart() {
        return Comparator.comparing(Contract::getValidFrom).thenComparing(Contract::getId);
    }

    /** A day as the person reads it, in the request's language ("7 Dec 2026", "07.12.2026"). */
    private static String day(LocalDate day) {
        return new HumanFormat(Texts.locale(), null).date(day);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldProblem(field, message)));
    }
}
