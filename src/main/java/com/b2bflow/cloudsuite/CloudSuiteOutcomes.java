package com.b2bflow.cloudsuite;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.account.AccountRepository;
import com.b2bflow.account.Contracts;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.registration.NameReservations;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationType;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the CloudSuite flows do to members: activate a customer created by the shop or the ERP (with a
 * default account and contract so that its users may order at once), link a partially registered user to the
 * customer the ERP or the back office names, and reject a partial registration. Runs in the engine's transaction.
 */
@Service
public class CloudSuiteOutcomes {

    static final int MAX_MATCHES = 20;

    private final RegistrationRepository registrations;
    private final OrganizationRepository organizations;
    private final AddressRepository addresses;
    private final AccountRepository accounts;
    private final RoleAssignmentRepository roles;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final Contracts contracts;
    private final CustomerSearch customerSearch;
    private final SubmittedCompany submitted;
    private final AuditLog audit;
    private final RegistrationMetrics metrics;
    private final NameReservations reservations;

    public CloudSuiteOutcomes(
            RegistrationRepository registrations,
            OrganizationRepository organizations,
            AddressRepository addresses,
            AccountRepository accounts,
            RoleAssignmentRepository roles,
            RegistrationPolicies policies,
            RegistrationParents parents,
            Contracts contracts,
            CustomerSearch customerSearch,
            SubmittedCompany submitted,
            AuditLog audit,
            RegistrationMetrics metrics,
            NameReservations reservations) {
        this.registrations = registrations;
        this.organizations = organizations;
        this.addresses = addresses;
        this.accounts = accounts;
        this.roles = roles;
        this.policies = policies;
        this.parents = parents;
        this.contracts = contracts;
        this.customerSearch = customerSearch;
        this.submitted = submitted;
        this.audit = audit;
        this.metrics = metrics;
        this.reservations = reservations;
    }

    /**
     * The shop and external ERP flows: the created customer and its user are approved at once, and the customer
     * gets the default account and contract.
     */
    @Transactional
    public void activateCustomer(String registrationId, String decidedBy) {
        Registration registration = registrations.require(registrationId);
        registration.approve(decidedBy);
        metrics.decided(registration);
        Organization customer = registration.getOrganization();
        customer.setState(ApprovalState.APPROVED);
        registration.getUser().approve();
        contracts.ensureDefaultAccount(customer);
        audit.record(
                decidedBy,
                "REGISTRATION_APPROVED",
                "Registration",
                registrationId,
                "customer " + customer.getId() + " and user "
                        + registration.getUser().getLogonId() + " approved; may order at once");
    }

    /**
     * The ERP approved a partial registration with its customer number: the customer with that number (or a new
     * one, from the submitted company information) gets the user, who may then sign in. A missing number or a
     * customer that is not approved is refused with a {@link BadUserRequestException} (400 to the ERP).
     */
    @Transactional
    public long linkErpCustomer(String registrationId, String erpCustomerNumber, String decidedBy) {
        if (erpCustomerNumber == null
                || erpCustomerNumber.isBlank()
                || erpCustomerNumber.strip().length() > 64) {
            throw new BadUserRequestException("Complete the ERP approval with the variable erpCustomerNumber "
                    + "(1 to 64 characters), or reject it with the BPMN error ERP_REJECTED and a rejectionReason");
        }
        String number = erpCustomerNumber.strip();
        Registration registration = pending(registrationId);
        Organization customer = organizations
                .findByErpCustomerNumber(number)
                .map(existing -> {
                    if (!existing.isApproved()) {
                        throw new BadUserRequestException("The organization with ERP customer number " + number + " is "
                                + existing.getState() + ", not an approved customer");
                    }
                    return existing;
                })
                .orElseGet(() -> createErpCustomer(registration, number));
        link(
                registration,
                customer,
                policies.forType(RegistrationType.ErpApprovalRegistration),
                decidedBy,
                "ERP customer " + number);
        return customer.getId();
    }

    /** The back office linked a partially registered user to an existing customer. */
    @Transactional
    public void linkUserToCustomer(String registrationId, long customerId, String decidedBy) {
        customerProblem(customerId).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        link(
                pending(registrationId),
                organizations.findById(customerId).orElseThrow(),
                policies.forType(RegistrationType.ShopApprovalRegistration),
                decidedBy,
                "customer " + customerId);
    }

    /** A partial registration is rejected: the user stays unable to sign in. */
    @Transactional
    public void rejectPartial(String registrationId, String decidedBy, String reason) {
        Registration registration = registrations.require(registrationId);
        registration.reject(decidedBy, reason);
        metrics.decided(registration);
        if (registration.getUser() != null) {
            registration.getUser().reject();
        }
        reservations.release(registrationId);
        audit.record(decidedBy, "REGISTRATION_REJECTED", "Registration", registrationId, "reason: " + reason);
    }

    /** Why this organization cannot be the customer of a partial registration; empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> customerProblem(long customerId) {
        Optional<Organization> found = organizations.findById(customerId);
        if (found.isEmpty()) {
            return Optional.of(Texts.text("staff.refusal.noCustomer", String.valueOf(customerId)));
        }
        Organization organization = found.get();
        if (!organization.isApproved()) {
            return Optional.of(Texts.text(
                    "staff.refusal.customerNotApproved",
                    organization.getName(),
                    String.valueOf(customerId),
                    Texts.text("status.state." + organization.getState())));
        }
        if (structuralOrganizationIds().contains(customerId)) {
            return Optional.of(
                    Texts.text("staff.refusal.notACustomer", organization.getName(), String.valueOf(customerId)));
        }
        return Optional.empty();
    }

    /** Approved customers whose name contains the submitted one, or with the same tax id or email domain. */
    @Transactional(readOnly = true)
    public List<CustomerMatch> matchingCustomers(String registrationId) {
        RegistrationRequest request = submitted.of(registrations.require(registrationId));
        OrganizationData company = request.organization();
        String name = Names.normalize(company.name());
        String taxId = blankToNull(company.taxId());
        String domain = blankToNull(company.emailDomain()) != null
                ? Names.normalize(company.emailDomain())
                : emailDomainOf(request.user().email());
        Set<Long> structural = structuralOrganizationIds();
        return customerSearch
                .findCandidates(
                        ApprovalState.APPROVED, name, taxId, domain, PageRequest.of(0, MAX_MATCHES + structural.size()))
                .stream()
                .filter(org -> !structural.contains(org.getId()))
                .limit(MAX_MATCHES)
                .map(org -> new CustomerMatch(
                        org.getId(), org.getName(), org.getErpCustomerNumber(), reasons(org, name, taxId, domain)))
                .toList();
    }

    private static List<String> reasons(Organization org, String name, String taxId, String domain) {
        List<String> reasons = new ArrayList<>();
        if (Names.normalize(org.getName()).contains(name)) {
            reasons.add(Names.normalize(org.getName()).equals(name) ? "same name" : "similar name");
        }
        if (taxId != null && taxId.equals(org.getTaxId())) {
            reasons.add("same tax id");
        }
        if (domain != null && domain.equals(org.getEmailDomain())) {
            reasons.add("same email domain");
        }
        return reasons;
    }

    private Organization createErpCustomer(Registration registration, String number) {
        RegistrationRequest request = submitted.of(registration);
        OrganizationData data = request.organization();
        Organization parent =
                organizations.getReferenceById(parents.parentIdFor(RegistrationType.ErpApprovalRegistration));
        String name = data.name().strip();
        if (organizations
                .findByParentAndNameNormalized(parent, Names.normalize(name))
                .isPresent()) {
            // another customer carries the name: the ERP number tells them apart
            String suffix = " (" + number + ")";
            name = name.substring(0, Math.min(name.length(), 128 - suffix.length())) + suffix;
        }
        Organization customer = new Organization(name, parent, OrganizationType.O, ApprovalState.APPROVED);
        customer.setDescription(blankToNull(data.description()));
        customer.setBusinessCategory(blankToNull(data.businessCategory()));
        customer.setTaxId(blankToNull(data.taxId()));
        customer.setEmailDomain(blankToNull(data.emailDomain()));
        customer.setErpCustomerNumber(number);
        organizations.saveAndFlush(customer);
        addresses.save(Address.ofOrganization(customer, request.addressOrEmpty()));
        contracts.ensureDefaultAccount(customer);
        audit.record(
                AuditLog.SYSTEM,
                "ORGANIZATION_CREATED",
                "Organization",
                customer.getId(),
                "ERP customer " + number + " created for registration " + registration.getId());
        return customer;
    }

    private void link(
            Registration registration,
            Organization customer,
            RegistrationPolicy policy,
            String decidedBy,
            String what) {
        User user = registration.getUser();
        user.setOrganization(customer);
        roles.deleteByUser(user);
        roles.flush();
        policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, customer, role)));
        user.approve();
        registration.setOrganization(customer);
        registration.approve(decidedBy);
        metrics.decided(registration);
        audit.record(
                decidedBy,
                "REGISTRATION_APPROVED",
                "Registration",
                registration.getId(),
                "user " + user.getLogonId() + " linked to " + what + " (organization " + customer.getId() + ")");
    }

    /** The root and the registration parents with their ancestors: they group customers, they are none. */
    private Set<Long> structuralOrganizationIds() {
        Set<Long> ids = new HashSet<>();
        ids.add(RegistrationParents.ROOT_ORGANIZATION_ID);
        for (RegistrationPolicy policy : policies.all()) {
            if (!policy.parentPath().isEmpty()) {
                long parentId = parents.parentIdFor(policy.type());
                ids.add(parentId);
                organizations.findAncestors(parentId).forEach(org -> ids.add(org.getId()));
            }
        }
        return ids;
    }

    private Registration pending(String registrationId) {
        Registration registration = registrations.require(registrationId);
        if (registration.getState() != ApprovalState.PENDING) {
            throw new BadUserRequestException(
                    "Registration " + registrationId + " was already decided: " + registration.getState());
        }
        return registration;
    }

    static String emailDomainOf(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        return Names.normalize(email.substring(email.lastIndexOf('@') + 1));
    }
}
