package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.APPROVAL_GROUPS;
import static com.b2bflow.registration.ProcessVariables.APPROVAL_SUMMARY;
import static com.b2bflow.registration.ProcessVariables.ORGANIZATION_ROLES;
import static com.b2bflow.registration.ProcessVariables.REVIEWED_BY;

import com.b2bflow.account.ContractTerms;
import com.b2bflow.registration.AccountSetup;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.GrantableRoles;
import com.b2bflow.registration.Markdown;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationPolicies;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the final approval is created, puts together what it decides on (Markdown the form shows): the account and
 * each contract with its terms and days, the roles and approval groups the review chose, and who reviewed. Under the
 * four-eyes rule the task's description names the reviewer, who may not give this approval.
 */
@Component
public class PrepareApproval implements TaskListener {

    private static final Map<String, String> GROUP_LABELS =
            Map.of("UserRegistration", "Buyer registration approval", "OrderApproval", "Order approval");

    private final GrantableRoles grantableRoles;
    private final RegistrationPolicies policies;

    public PrepareApproval(GrantableRoles grantableRoles, RegistrationPolicies policies) {
        this.grantableRoles = grantableRoles;
        this.policies = policies;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = Executions.text(task, REVIEWED_BY);
        boolean fourEyes = policies.fourEyes() && reviewer != null;
        task.setVariable(
                APPROVAL_SUMMARY,
                summary(
                        ValidateAccountSetup.read(task),
                        ProcessVariables.stringList(task.getVariable(ORGANIZATION_ROLES)),
                        ProcessVariables.stringList(task.getVariable(APPROVAL_GROUPS)),
                        reviewer,
                        fourEyes));
        if (fourEyes) {
            task.setDescription("Four-eyes rule: " + reviewer + " reviewed this registration; the final approval"
                    + " comes from another seller administrator.");
        }
    }

    String summary(
            AccountSetup setup, List<String> roles, List<String> approvalGroups, String reviewer, boolean fourEyes) {
        StringBuilder summary = new StringBuilder("#### What you approve\n\n**Account:** ")
                .append(Markdown.text(setup.accountName()))
                .append("\n\n**Contracts:**\n\n");
        for (ContractTerms contract : setup.contracts()) {
            summary.append("- **")
                    .append(Markdown.text(contract.name()))
                    .append("**, from ")
                    .append(contract.validFrom())
                    .append(contract.validTo() == null ? ", open-ended" : " to " + contract.validTo())
                    .append(". Terms: ")
                    .append(contract.terms() == null ? "none entered" : Markdown.text(contract.terms()))
                    .append('\n');
        }
        summary.append("\n**Roles the organization may grant:** ")
                .append(
                        roles.isEmpty()
                                ? "none chosen: those of its parent organization, else the seller's default ("
                                        + String.join(", ", grantableRoles.defaults()) + ")"
                                : roles.stream().map(Markdown::text).collect(Collectors.joining(", ")))
                .append("\n\n**Approval groups:** ")
                .append(
                        approvalGroups.isEmpty()
                                ? "none (buyers who register wait for the seller administrators)"
                                : approvalGroups.stream()
                                        .map(group -> GROUP_LABELS.getOrDefault(group, Markdown.text(group)))
                                        .collect(Collectors.joining(", ")))
                .append("\n\n**Reviewed by:** ")
                .append(reviewer == null ? "–" : Markdown.text(reviewer));
        if (fourEyes) {
            summary.append(" (four-eyes rule: another seller administrator gives this approval)");
        }
        return summary.append('\n').toString();
    }
}
