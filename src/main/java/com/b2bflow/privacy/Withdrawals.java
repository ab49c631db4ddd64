package com.b2bflow.privacy;

import com.b2bflow.account.Account;
import com.b2bflow.account.AccountRepository;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.User;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationAlreadyDecidedException;
import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.security.LoginThrottle;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant withdraws a pending registration. They cannot sign in while pending, so they prove who they are with
 * the registration's logon id and password; a wrong id, logon id or password gets one answer, counts as a failed
 * sign-in (per-account lockout and per-address throttle, like the storefront sign-in) and costs the same bcrypt
 * time. Withdrawal ends the registration's process (reason {@code withdrawn}), leaves what a rejection leaves (user
 * and created organization WITHDRAWN and disabled, accounts closed), is audited, and starts
 * {@code registrationWithdrawal}, which confirms it by email after a save point.
 */
@Service
public class Withdrawals {

    public static final String PROCESS_KEY = RegistrationWithdrawalProcess.KEY;
    public static final String DELETE_REASON = "withdrawn";

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    private final RegistrationRepository registrations;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final RegistrationMetrics metrics;
    private final String dummyHash;

    public Withdrawals(
            RegistrationRepository registrations,
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            RuntimeService runtime,
            AuditLog audit,
            RegistrationMetrics metrics) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.runtime = runtime;
        this.audit = audit;
        this.metrics = metrics;
        this.dummyHash = passwordEncoder.encode("no user has this password " + System.nanoTime());
    }

    /**
     * @param attempt the credentials as an authentication with the client's address in its details (for the
     *                throttle)
     * @throws WithdrawalRefusedException for a wrong id, logon id or password, or a locked account
     * @throws RegistrationAlreadyDecidedException (only to the right credentials) when no longer pending
     * @throws WithdrawalsThrottledException when this address failed too often
     */
    @Transactional
    public Registration withdraw(String registrationId, UsernamePasswordAuthenticationToken attempt) {
        try {
            throttle.authenticate(attempt); // refuses at once when this address failed too often
        } catch (AuthenticationException throttled) {
            throw new WithdrawalsThrottledException();
        }
        String logonId = attempt.getName() == null ? "" : attempt.getName();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        Optional<Registration> found =
                registrationId == null ? Optional.empty() : registrations.findById(registrationId);
        User user = found.map(Registration::getUser).orElse(null);
        boolean matches = user != null
                && user.getPasswordHash() != null
                && Names.normalize(logonId).equals(Names.normalize(user.getLogonId()));
        boolean passwordRight = passwordEncoder.matches(password, matches ? user.getPasswordHash() : dummyHash);
        if (!matches || !passwordRight || throttle.isLocked(user.getId())) {
            throttle.failed(attempt);
            throw new WithdrawalRefusedException();
        }
        Registration registration = found.get();
        if (registration.getState() != ApprovalState.PENDING) {
            RegistrationAlreadyDecidedException decided =
                    new RegistrationAlreadyDecidedException(registration.getId(), registration.getState());
            decided.setDetail("This registration is no longer pending");
            throw decided;
        }
        registration.withdraw(user.getLogonId());
        registration.setStep(ApprovalState.WITHDRAWN.name());
        metrics.decided(registration);
        user.withdraw();
        if (registration.getFlow().policyType().createsOrganization()
                && registration.getOrganization() != null
                && registration.getOrganization().getState() == ApprovalState.PENDING) {
            registration.getOrganization().setState(ApprovalState.WITHDRAWN);
            accounts.findByOrganization(registration.getOrganization()).forEach(Account::close);
        }
        if (registration.getProcessInstanceId() != null) {
            runtime.createProcessInstanceQuery()
                    .processInstanceId(registration.getProcessInstanceId())
                    .list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), DELETE_REASON, true, true));
        }
        audit.recordInOrganization(
                user.getLogonId(),
                null,
                null,
                registration.getOrganization() == null
                        ? null
                        : registration.getOrganization().getId(),
                "REGISTRATION_WITHDRAWN",
                "Registration",
                registration.getId(),
                "withdrawn by the applicant (user " + user.getId() + ")");
        runtime.startProcessInstanceByKey(
                PROCESS_KEY, registration.getId(), Map.of(ProcessVariables.REGISTRATION_ID, registration.getId()));
        log.info("Registration {} withdrawn by its applicant", registration.getId());
        return registration;
    }
}
