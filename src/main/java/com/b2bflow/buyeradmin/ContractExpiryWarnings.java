package com.b2bflow.buyeradmin;

import com.b2bflow.account.ContractView;
import com.b2bflow.account.Contracts;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.staff.StaffGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns the buyer administrators of an organization and the account representatives that a contract ends soon
 * ({@code app.contracts.expiry-warning-lead-time} ahead), once per last day. Every node runs the job: the mails are
 * keyed by contract and last day, so a second node (or a run after a crash between mail and mark) sends nothing twice.
 */
@Component
@EnableConfigurationProperties(ContractExpiryProperties.class)
public class ContractExpiryWarnings {

    static final String TEMPLATE = "contract-expiring";

    private static final Logger log = LoggerFactory.getLogger(ContractExpiryWarnings.class);

    private final Contracts contracts;
    private final RoleAssignmentRepository roles;
    private final NotificationService notifications;
    private final NotificationProperties links;
    private final ContractExpiryProperties properties;

    ContractExpiryWarnings(
            Contracts contracts,
            RoleAssignmentRepository roles,
            NotificationService notifications,
            NotificationProperties links,
            ContractExpiryProperties properties) {
        this.contracts = contracts;
        this.roles = roles;
        this.notifications = notifications;
        this.links = links;
        this.properties = properties;
    }

    /** One run at the engine clock's today; returns how many contracts were announced. */
    @Scheduled(cron = "${app.contracts.expiry-warning-cron:0 0 6 * * *}")
    public int warnDue() {
        List<ContractView> due = contracts.expiryWarningsDue(properties.leadDays());
        for (ContractView contract : due) {
            notifications.send(new Notification(
                    "contract-expiring:" + contract.id() + ":" + contract.validTo(),
                    TEMPLATE,
                    recipients(contract),
                    model(contract)));
            contracts.expiryWarned(contract);
        }
        if (!due.isEmpty()) {
            log.info("Warned about {} contract(s) ending within {} days", due.size(), properties.leadDays());
        }
        return due.size();
    }

    private List<Recipient> recipients(ContractView contract) {
        List<Recipient> recipients = new ArrayList<>();
        for (String role : Roles.ADMINISTRATORS) {
            for (User admin : roles.findUsersWithRole(role, List.of(contract.organizationId()))) {
                if (admin.isEnabled() && admin.getEmail() != null) {
                    recipients.add(
                            Recipient.of(admin.getEmail(), admin.getDisplayName(), admin.getPreferredLanguage()));
                }
            }
        }
        recipients.addAll(notifications.staffGroup(StaffGroups.ACCOUNT_REPS));
        return recipients.stream().distinct().toList();
    }

    private Map<String, Object> model(ContractView contract) {
        Map<String, Object> model = new HashMap<>();
        model.put("subjectArgument", contract.name());
        model.put("contract", contract);
        model.put("accountUrl", links.link("/store/account"));
        model.put("contractsPath", "/api/staff/organizations/" + contract.organizationId() + "/contracts");
        return model;
    }
}
