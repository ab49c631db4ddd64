package com.b2bflow.approval;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.BuyerSelfRegistrationProcess;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationAlreadyDecidedException;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvers' side of buyer self-registration, worked in the storefront: the requests a user may decide, and
 * the decision, which completes {@code Task_ApproveBuyer} (its {@code validateDecision} listener checks it).
 */
@Service
public class BuyerApprovals {

    public static final String PROCESS_KEY = BuyerSelfRegistrationProcess.KEY;
    public static final String TASK = BuyerSelfRegistrationProcess.Elements.TASK_APPROVE_BUYER;

    private final RegistrationApprovers approvers;
    private final RegistrationRepository registrations;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final TaskService tasks;

    public BuyerApprovals(
            RegistrationApprovers approvers,
            RegistrationRepository registrations,
            UserRepository users,
            OrganizationRepository organizations,
            TaskService tasks) {
        this.approvers = approvers;
        this.registrations = registrations;
        this.users = users;
        this.organizations = organizations;
        this.tasks = tasks;
    }

    /** Whether the registration needs a decision: someone at or above the buyer's organization approves. */
    @Transactional(readOnly = true)
    public boolean approversFound(String registrationId) {
        return approvers.approversFound(buyerRegistration(registrationId).getOrganization());
    }

    /** Who is told about the registration (and reminded of it). */
    @Transactional(readOnly = true)
    public List<User> deciders(String registrationId) {
        return approvers.deciders(buyerRegistration(registrationId));
    }

    /**
     * Whether the user decides buyer registrations anywhere: an enabled registration approver or buyer administrator
     * of some organization. Only they are offered the approvals page.
     */
    @Transactional(readOnly = true)
    public boolean decidesAny(long userId) {
        return users.findById(userId)
                .map(user -> !approvalRoots(user).isEmpty())
                .orElse(false);
    }

    /** The organizations at the top of the subtrees whose buyer registrations the user decides; none when disabled. */
    private Set<Long> approvalRoots(User user) {
        if (!user.isEnabled()) {
            return Set.of();
        }
        Set<Long> roots = new HashSet<>(approvers.approverOfOrganizationIds(user));
        roots.addAll(approvers.administeredOrganizationIds(user));
        return roots;
    }

    /** The buyer registrations waiting for a decision that this user may take, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingApproval> pendingFor(long userId) {
        User user = users.findById(userId).orElseThrow(() -> new ApprovalForbiddenException("Unknown user"));
        Set<Long> roots = approvalRoots(user);
        if (roots.isEmpty()) {
            return List.of();
        }
        Set<Long> scope = roots.stream()
                .flatMap(root -> organizations.findSubtree(root).stream())
                .map(organization -> organization.getId())
                .collect(Collectors.toSet());
        List<Registration> pending = registrations
                .findByFlowAndStateAndOrganizationIdInOrderBySubmittedAt(
                        RegistrationFlow.BUYER, ApprovalState.PENDING, scope)
                .stream()
                .filter(registration -> registration.getProcessInstanceId() != null)
                .toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<String> open = tasks
                .createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(TASK)
                .processInstanceIdIn(
                        pending.stream().map(Registration::getProcessInstanceId).toArray(String[]::new))
                .list()
                .stream()
                .map(Task::getProcessInstanceId)
                .collect(Collectors.toSet());
        return pending.stream()
                .filter(registration -> open.contains(registration.getProcessInstanceId()))
                .filter(registration -> approvers.mayDecide(user, registration))
                .map(BuyerApprovals::view)
                .toList();
    }

    /**
     * Decides a buyer registration: 404 when there is none with this id, 403 when the user may not decide it, 409
     * when it was decided already (or is not open for a decision yet), 400 for a decision without a clear outcome
     * or a rejection without reason. Returns the registration's state afterwards.
     */
    @Transactional
    public SubmittedRegistration decide(String registrationId, long userId, Decision decision) {
        Registration registration = registrations
                .findById(registrationId)
                .filter(r -> r.getFlow() == RegistrationFlow.BUYER)
                .orElseThrow(() -> new ApprovalNotFoundException("No buyer registration with this id"));
        User user = users.findById(userId).orElseThrow(() -> new ApprovalForbiddenException("Unknown user"));
        if (user.getId().equals(registration.getUser().getId())) {
            throw new ApprovalForbiddenException("You cannot decide your own registration");
        }
        if (!approvers.mayDecide(user, registration)) {
            throw new ApprovalForbiddenException("Only the organization's registration approvers, or a buyer "
                    + "administrator above them, may decide this registration");
        }
        if (registration.getState() != ApprovalState.PENDING) {
            throw new RegistrationAlreadyDecidedException(registrationId, registration.getState());
        }
        Task task = tasks.createTaskQuery()
                .processInstanceId(registration.getProcessInstanceId())
                .taskDefinitionKey(TASK)
                .singleResult();
        if (task == null) {
            throw new RegistrationConflictException("id", Texts.text("conflict.notOpenForDecision"));
        }
        Map<String, Object> variables = new HashMap<>();
        if (decision.approved() != null) {
            variables.put(ProcessVariables.APPROVED, decision.approved());
        }
        if (!Boolean.TRUE.equals(decision.approved()) && decision.rejectionReason() != null) {
            variables.put(ProcessVariables.REJECTION_REASON, decision.rejectionReason());
        }
        tasks.setAssignee(task.getId(), user.getLogonId());
        try {
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            throw refusal(e);
        }
        return new SubmittedRegistration(registration.getId(), registration.getState());
    }

    /** The validateDecision listener's refusal as a 400 naming the field; anything else as it is. */
    private static RuntimeException refusal(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException refused && refused.getDetail() != null) {
                String field = refused.getDetail().toString();
                String message = String.valueOf(refused.getMessage());
                return InvalidRegistrationException.of(
                        field, message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message);
            }
        }
        return e;
    }

    private Registration buyerRegistration(String registrationId) {
        return registrations
                .findById(registrationId)
                .filter(r -> r.getFlow() == RegistrationFlow.BUYER)
                .orElseThrow(() -> new IllegalStateException("No buyer registration " + registrationId));
    }

    private static PendingApproval view(Registration registration) {
        User buyer = registration.getUser();
        return new PendingApproval(
                registration.getId(),
                registration.getOrganization().getId(),
                registration.getOrganization().getName(),
                buyer.getDisplayName(),
                buyer.getLogonId(),
                buyer.getEmail(),
                registration.getSubmittedAt());
    }
}
