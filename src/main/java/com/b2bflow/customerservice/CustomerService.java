package com.b2bflow.customerservice;

import static com.b2bflow.access.AccountAction.ACT_ON_BEHALF;
import static com.b2bflow.access.AccountAction.DISABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.ENABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.FIND_CUSTOMERS;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.access.Target;
import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.buyeradmin.MemberSearch;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Customer Service page's actions (HCL Commerce's act-on-behalf rules): find customers, access a Buyer
 * Administrator's account on their behalf (with a reason; the customer is told by email), and disable a Buyer
 * Administrator's account (with a reason; the customer is told too), and enable a disabled account again (customer
 * service and seller or site administrators, with a reason; the customer is told). Every step is audited with the CSR, the customer
 * and the reason.
 */
@Service
public class CustomerService {

    public static final String NOTIFICATION_PROCESS_KEY = CustomerServiceNotificationProcess.KEY;
    public static final String ACCESSED = CustomerServiceNotificationProcess.Actions.ACCESSED;
    public static final String DISABLED = CustomerServiceNotificationProcess.Actions.DISABLED;
    public static final String ENABLED = CustomerServiceNotificationProcess.Actions.ENABLED;
    static final int MAX_RESULTS = 50;
    static final int MAX_REASON = 1000;

    private final AccountAuthorization authorization;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final MemberSearch search;
    private final AuditLog audit;
    private final RuntimeService runtime;

    public CustomerService(
            AccountAuthorization authorization,
            UserRepository users,
            RoleAssignmentRepository roles,
            MemberSearch search,
            AuditLog audit,
            RuntimeService runtime) {
        this.authorization = authorization;
        this.users = users;
        this.roles = roles;
        this.search = search;
        this.audit = audit;
        this.runtime = runtime;
    }

    /** Customers whose name, logon id, email or organization contains the query (at most 50). */
    @Transactional(readOnly = true)
    public List<CustomerView> find(Actor actor, String query) {
        authorization.require(actor, FIND_CUSTOMERS, Target.none());
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return search.customers(MemberSearch.pattern(query), PageRequest.of(0, MAX_RESULTS)).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public CustomerView customer(Actor actor, long userId) {
        authorization.require(actor, FIND_CUSTOMERS, target(userId));
        return view(users.findById(userId).orElseThrow());
    }

    /**
     * "Access customer's account": starts acting on behalf of a Buyer Administrator. The caller keeps the returned
     * {@link OnBehalf} in the CSR's session. A session already on behalf of someone else ends first.
     */
    @Transactional
    public OnBehalf startOnBehalf(Actor actor, long userId, String reason) {
        authorization.require(actor, ACT_ON_BEHALF, target(userId));
        String why = requireReason(reason);
        if (actor.isOnBehalf()) {
            stopOnBehalf(actor.onBehalf());
        }
        User customer = users.findById(userId).orElseThrow();
        OnBehalf onBehalf = new OnBehalf(
                actor.id(),
                actor.displayName(),
                customer.getId(),
                customer.getLogonId(),
                customer.getDisplayName(),
                customer.getOrganization().getId(),
                customer.getOrganization().getName(),
                why,
                Instant.now());
        AuditEvent event = audit.recordInOrganization(
                actor.id(),
                customer.getLogonId(),
                why,
                customer.getOrganization().getId(),
                "ON_BEHALF_STARTED",
                "User",
                customer.getId(),
                "CSR " + actor.displayName() + " accessed the account");
        notifyCustomer(ACCESSED, customer, actor, why, event);
        return onBehalf;
    }

    /** Stops acting on behalf (the CSR's "stop" or sign-out). */
    @Transactional
    public void stopOnBehalf(OnBehalf onBehalf) {
        audit.recordInOrganization(
                onBehalf.csrId(),
                onBehalf.customerLogonId(),
                onBehalf.reason(),
                onBehalf.customerOrganizationId(),
                "ON_BEHALF_ENDED",
                "User",
                onBehalf.customerUserId(),
                "CSR stopped acting on behalf, after "
                        + java.time.Duration.between(onBehalf.startedAt(), Instant.now())
                                .toSeconds() + " s");
    }

    /** Disables a Buyer Administrator's account, with a reason; the customer is told by email. */
    @Transactional
    public CustomerView disable(Actor actor, long userId, String reason) {
        authorization.require(actor, DISABLE_CUSTOMER, target(userId));
        String why = requireReason(reason);
        User customer = users.findById(userId).orElseThrow();
        boolean wasEnabled = customer.isEnabled();
        customer.setEnabled(false);
        users.saveAndFlush(customer);
        AuditEvent event = audit.recordInOrganization(
                actor.id(),
                null,
                why,
                customer.getOrganization().getId(),
                "CUSTOMER_DISABLED",
                "User",
                customer.getId(),
                "{\"before\":{\"enabled\":" + wasEnabled + "},\"after\":{\"enabled\":false}}");
        if (wasEnabled) {
            notifyCustomer(DISABLED, customer, actor, why, event);
        }
        return view(customer);
    }

    /**
     * Enables a disabled account again, with a reason (customer service: a Buyer Administrator's; seller and site
     * administrators: any storefront user's); the customer is told by email. Only an approved account can be enabled:
     * a pending or rejected registration is decided in its process, not here (409 on {@code enabled}).
     */
    @Transactional
    public CustomerView enable(Actor actor, long userId, String reason) {
        authorization.require(actor, ENABLE_CUSTOMER, target(userId));
        String why = requireReason(reason);
        User customer = users.findById(userId).orElseThrow();
        if (customer.getRegistrationState() != ApprovalState.APPROVED) {
            throw new RegistrationConflictException(
                    "enabled",
                    Texts.text(
                            "conflict.enableNotApproved",
                            Texts.text("status.state."
                                    + customer.getRegistrationState().name())));
        }
        boolean wasEnabled = customer.isEnabled();
        customer.setEnabled(true);
        users.saveAndFlush(customer);
        AuditEvent event = audit.recordInOrganization(
                actor.id(),
                null,
                why,
                customer.getOrganization().getId(),
                "CUSTOMER_ENABLED",
                "User",
                customer.getId(),
                "{\"before\":{\"enabled\":" + wasEnabled + "},\"after\":{\"enabled\":true}}");
        if (!wasEnabled) {
            notifyCustomer(ENABLED, customer, actor, why, event);
        }
        return view(customer);
    }

    private void notifyCustomer(String action, User customer, Actor actor, String reason, AuditEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CustomerServiceNotificationProcess.Variables.ACTION, action);
        variables.put(CustomerServiceNotificationProcess.Variables.USER_ID, customer.getId());
        variables.put(CustomerServiceNotificationProcess.Variables.CSR_NAME, actor.displayName());
        variables.put(CustomerServiceNotificationProcess.Variables.REASON, reason);
        variables.put(
                CustomerServiceNotificationProcess.Variables.OCCURRED_AT,
                event.getOccurredAt().toString());
        variables.put(
                CustomerServiceNotificationProcess.Variables.ORGANIZATION_NAME,
                customer.getOrganization().getName());
        variables.put(CustomerServiceNotificationProcess.Variables.APPLICANT_NAME, customer.getDisplayName());
        runtime.startProcessInstanceByKey(NOTIFICATION_PROCESS_KEY, "audit-" + event.getId(), variables);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRegistrationException.of("reason", Texts.text("csr.reasonRequired"));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw InvalidRegistrationException.of("reason", Texts.text("validation.atMost1000Characters"));
        }
        return reason.strip();
    }

    private Target target(long userId) {
        return users.findById(userId)
                .map(u -> Target.user(u.getOrganization().getId(), Roles.administers(roleNames(u))))
                .orElse(Target.missing());
    }

    private CustomerView view(User user) {
        List<String> roleNames = roleNames(user);
        return new CustomerView(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getEmail(),
                user.getOrganization().getId(),
                user.getOrganization().getName(),
                roleNames,
                Roles.administers(roleNames),
                user.isEnabled(),
                user.getRegistrationState().name());
    }

    private List<String> roleNames(User user) {
        return roles.findByUser(user).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .sorted()
                .toList();
    }
}
