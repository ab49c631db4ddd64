package com.b2bflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.Organization;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.registration.RegistrationOverview;
import com.b2bflow.registration.RegistrationSearch;
import com.b2bflow.registration.RegistrationSummary;
import com.b2bflow.registration.SlaStatus;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestReviews;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff console's organization and registrations pages over HTTP: the SLA status read from the waiting task's
 * reminder and escalation timers, the links to Tasklist and Cockpit, the actions each staff group is offered and
 * that they reach the staff API's services (audited, 400 naming the field, the existing 409 while an organization is
 * in use). Who may call what at all: AuthorizationMatrixTest.
 */
@IntegrationTest
class OrganizationAndRegistrationPagesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    TestReviews reviews;

    @Autowired
    TestMembers members;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JobDriver jobs;

    @Autowired
    RegistrationOverview overview;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSlaStatusIsWhereTheWaitingTaskStandsAgainstItsReminderAndEscalationTimers() throws Exception {
        Task due = task(reviews.openReview());
        Task reminded = task(reviews.openReview());
        fire(reminded, "Timer_ReviewReminder");
        Task escalated = task(reviews.openReview());
        reviews.escalate(escalated.getId());

        RegistrationSummary dueRow = only(due, null);
        assertThat(dueRow.waiting().sla()).isEqualTo(SlaStatus.DUE);
        assertThat(dueRow.waiting().taskId()).isEqualTo(due.getId());
        assertThat(dueRow.waiting().activityId()).isEqualTo("Task_ReviewRegistration");
        assertThat(dueRow.waiting().waitingFor()).isEqualTo("seller-admins");
        assertThat(dueRow.waiting().reminderDueAt()).isNotNull();
        assertThat(dueRow.processRunning()).isTrue();
        RegistrationSummary remindedRow = only(reminded, null);
        assertThat(remindedRow.waiting().sla()).isEqualTo(SlaStatus.REMINDED);
        assertThat(remindedRow.waiting().reminderDueAt()).isNull();
        assertThat(remindedRow.waiting().escalationDueAt()).isNotNull();
        assertThat(only(escalated, null).waiting().sla()).isEqualTo(SlaStatus.ESCALATED);

        assertThat(only(escalated, SlaStatus.ESCALATED)).isNotNull();
        assertThat(matching(escalated, SlaStatus.DUE)).isEmpty();
        assertThat(matching(due, SlaStatus.ESCALATED)).isEmpty();
        assertThat(matching(reminded, SlaStatus.REMINDED)).hasSize(1);
        assertThat(overview.find(
                        new RegistrationSearch(null, null, "Task_SetUpAccount", null, null, organizationOf(due)),
                        PageRequest.of(0, 5)))
                .as("not waiting in that step")
                .isEmpty();

        MockHttpSession seller = signIn("seller-admin");
        mvc.perform(get("/store/staff/registrations")
                        .param("sla", "ESCALATED")
                        .param("step", "Task_ReviewRegistration")
                        .session(seller))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("/camunda/app/tasklist/default/#/?task=" + escalated.getId()),
                                containsString("/camunda/app/cockpit/default/#/process-instance/"
                                        + escalated.getProcessInstanceId() + "/runtime"),
                                containsString("sla-escalated"),
                                not(containsString(due.getId())))));
        mvc.perform(get("/store/staff/registrations")
                        .param("sla", "REMINDED")
                        .session(seller)
                        .locale(Locale.GERMAN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("erinnert"), containsString("Wartet in Schritt"))));
        mvc.perform(get("/store/staff/registrations")
                        .param("sla", "LATE")
                        .param("page", "-3")
                        .session(seller))
                .andExpect(status().isOk());
    }

    @Test
    void accountRepresentativesMaintainContractsAndAreOfferedNothingElse() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession rep = signIn("account-rep");
        String page = "/store/staff/organizations/" + tenant.organizationId();
        mvc.perform(get(page).session(rep))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"add-contract\""),
                                containsString(tenant.admin()),
                                not(containsString("id=\"roles-form\"")),
                                not(containsString("id=\"add-approver\"")),
                                not(containsString("id=\"delete-organization\"")))));

        mvc.perform(post(page + "/contracts")
                        .param("name", "Framework 2031")
                        .param("validFrom", "2031-01-01")
                        .param("validTo", "2031-12-31")
                        .session(rep)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(page + "#contracts"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where organization_id = ? and action = 'CONTRACT_ADDED'"
                                + " and actor = 'account-rep'",
                        Integer.class,
                        tenant.organizationId()))
                .isOne();
        Long contract = jdbc.queryForObject(
                "select c.id from contract c join account a on a.id = c.account_id"
                        + " where a.organization_id = ? and c.name = 'Framework 2031'",
                Long.class,
                tenant.organizationId());
        mvc.perform(post(page + "/contracts/" + contract + "/extend")
                        .param("validTo", "2032-06-30")
                        .session(rep)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound());
        mvc.perform(get(page).session(rep)).andExpect(content().string(containsString("2032-06-30")));

        mvc.perform(post(page + "/contracts")
                        .param("name", "Broken")
                        .param("validFrom", "1st of May")
                        .session(rep)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")));
    }

    @Test
    void sellerAdministratorsChangeRolesAndApproversAndDeleteOnlyWhatIsNotInUse() throws Exception {
        Organization customer = members.buyerOrganization();
        Organization department = members.subOrganization(customer, TestRegistrations.unique("Dept"));
        User approver = members.user(customer, Roles.BUYER_APPROVER, Roles.BUYER);
        MockHttpSession seller = signIn("seller-admin");
        String page = "/store/staff/organizations/" + customer.getId();
        mvc.perform(get(page).session(seller))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"roles-form\""),
                                containsString("id=\"add-approver\""),
                                // in use (a department, an approver): the deletion is explained, not offered
                                not(containsString("id=\"delete-organization\"")),
                                containsString("id=\"delete-in-use\""),
                                containsString(department.getName()))));

        mvc.perform(post(page + "/roles")
                        .param("roles", "Buyer")
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList(
                        "select role_name from role_assignment where organization_id = ? and user_id is null",
                        String.class,
                        customer.getId()))
                .containsExactly("Buyer");

        mvc.perform(post(page + "/approvers")
                        .param("userId", String.valueOf(approver.getId()))
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound());
        mvc.perform(get(page).session(seller)).andExpect(content().string(containsString("id=\"approver-list\"")));
        mvc.perform(post(page + "/approvers/" + approver.getId() + "/remove")
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList(
                        "select action from audit_event where target_type = 'Organization' and target_id = ?"
                                + " order by id",
                        String.class,
                        String.valueOf(customer.getId())))
                .containsExactly("ORGANIZATION_ROLES_CHANGED", "APPROVER_ADDED", "APPROVER_REMOVED");

        mvc.perform(post(page + "/delete").session(seller).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Delete or move the organization")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from organization where id = ?", Integer.class, customer.getId()))
                .isOne();

        mvc.perform(post("/store/staff/organizations/" + department.getId() + "/delete")
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(page));
        assertThat(jdbc.queryForObject(
                        "select count(*) from organization where id = ?", Integer.class, department.getId()))
                .isZero();
    }

    @Test
    void sellerAdministratorsGiveAndTakeApprovalGroupsAccountRepsMayNot() throws Exception {
        Organization customer = members.buyerOrganization();
        User approver = members.user(customer, Roles.BUYER_APPROVER, Roles.BUYER);
        members.approvers(customer, approver);
        MockHttpSession seller = signIn("seller-admin");
        String page = "/store/staff/organizations/" + customer.getId();
        mvc.perform(get(page).session(seller))
                .andExpect(content().string(allOf(containsString("id=\"groups-form\""), containsString("Orders"))));

        mvc.perform(post(page + "/approval-groups")
                        .param("types", "OrderApproval")
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(page + "#approvers"));
        assertThat(groupTypes(customer)).containsExactly("OrderApproval");
        assertThat(jdbc.queryForList(
                        "select details from audit_event where target_type = 'Organization' and target_id = ?"
                                + " and action = 'APPROVAL_GROUPS_CHANGED'",
                        String.class,
                        String.valueOf(customer.getId())))
                .containsExactly("approval groups: UserRegistration -> OrderApproval");

        mvc.perform(post(page + "/approval-groups")
                        .param("types", "UserRegistration", "Nonsense")
                        .session(seller)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown approval group Nonsense")));
        assertThat(groupTypes(customer)).as("nothing changed").containsExactly("OrderApproval");

        MockHttpSession rep = signIn("account-rep");
        mvc.perform(get(page).session(rep)).andExpect(content().string(not(containsString("id=\"groups-form\""))));
        mvc.perform(post(page + "/approval-groups")
                        .param("types", "UserRegistration")
                        .session(rep)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isForbidden());
        assertThat(groupTypes(customer)).containsExactly("OrderApproval");
    }

    private List<String> groupTypes(Organization organization) {
        return jdbc.queryForList(
                "select group_type from approval_group where organization_id = ? order by group_type",
                String.class,
                organization.getId());
    }

    private Task task(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    private void fire(Task task, String timer) {
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .activityId(timer)
                .singleResult()
                .getId());
        jobs.executeAllOf(task.getProcessInstanceId());
    }

    private long organizationOf(Task task) {
        return jdbc.queryForObject(
                "select organization_id from registration where process_instance_id = ?",
                Long.class,
                task.getProcessInstanceId());
    }

    private List<RegistrationSummary> matching(Task task, SlaStatus sla) {
        return overview.find(
                        new RegistrationSearch(null, null, null, sla, null, organizationOf(task)), PageRequest.of(0, 5))
                .getContent();
    }

    private RegistrationSummary only(Task task, SlaStatus sla) {
        List<RegistrationSummary> rows = matching(task, sla);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private MockHttpSession signIn(String staff) throws Exception {
        return (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, staff, "demo"))
                .andReturn()
                .getRequest()
                .getSession();
    }
}
