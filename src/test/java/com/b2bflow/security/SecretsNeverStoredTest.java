package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.activation.ActivationService;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.UserData;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.DatabaseSearch;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.b2bflow.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every flow that takes a password (each submitted registration flow, one of them over HTTP and through a failed
 * notification job, then a sign-in) and the activation link's token, through which the flows without a password
 * (customers from the ERP, buyers created by a superuser) get theirs: afterwards neither the password, nor its bcrypt hash outside
 * the one column where it belongs, nor the raw token is anywhere in the raw database (every text and byte-array
 * column, engine and application, runtime and history, job exceptions, sessions) or in the log. At the product's
 * history level ({@code full-lean}) here, at {@code full} (every variable update too) in
 * {@link SecretsNeverStoredAtFullHistoryTest}.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverStoredTest {

    /** The only place a password hash belongs. */
    private static final Set<String> HASH_COLUMN = Set.of("member_user.password_hash");

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    UserRepository users;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    TestMembers members;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ActivationService activation;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @Test
    void noPasswordHashOrTokenIsStoredOrLogged(CapturedOutput output) throws Exception {
        assertThat(engineConfiguration.getHistory()).as("history level").isEqualTo(historyLevel());
        searchEverywhereAfterEveryFlow(output);
    }

    /** The product's history level; {@link SecretsNeverStoredAtFullHistoryTest} runs the same at {@code full}. */
    String historyLevel() {
        return "full-lean";
    }

    private void searchEverywhereAfterEveryFlow(CapturedOutput output) throws Exception {
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> logonIds = new ArrayList<>();

        String organizationPassword = password();
        RegistrationRequest organization = withPassword(TestRegistrations.organization(), organizationPassword);
        String instanceId = submitOverHttpThroughAFailedJob(organization);
        complete(instanceId, Map.of("approved", true));
        complete(
                instanceId,
                Map.of(
                        "accountName",
                        "Main account",
                        "contractName",
                        "Standard terms",
                        "contractTerms",
                        "Net 30",
                        "contractValidFrom",
                        "2026-01-01",
                        "contractValidTo",
                        ""));
        complete(instanceId, Map.of("approved", true));
        mvc.perform(StorefrontSignIn.form(mvc, organization.user().logonId(), organizationPassword))
                .andExpect(redirectedUrl("/store/account"));
        passwords.put(organization.user().logonId(), organizationPassword);

        String organizationName = members.buyerOrganization().getName();
        Map<RegistrationFlow, RegistrationRequest> others = new LinkedHashMap<>();
        others.put(RegistrationFlow.RESELLER, TestRegistrations.organization());
        others.put(RegistrationFlow.BUYER, TestRegistrations.buyer(organizationName));
        others.put(RegistrationFlow.SHOP, CloudSuiteRequests.company());
        others.put(RegistrationFlow.SHOP_APPROVAL, CloudSuiteRequests.company());
        others.put(RegistrationFlow.ERP_APPROVAL, CloudSuiteRequests.company());
        others.forEach((flow, template) -> {
            String password = password();
            RegistrationRequest request = withPassword(template, password);
            submitters.submit(flow, request);
            passwords.put(request.user().logonId(), password);
        });
        jobs.executeAll();

        User waiting = testUsers.waitingForActivation();
        String token = activation.issue(waiting);
        String tokenPassword = password();
        activation.activate(token, tokenPassword);
        passwords.put(waiting.getLogonId(), tokenPassword);

        List<String> secrets = new ArrayList<>(passwords.values());
        secrets.add(token);
        for (String logonId : passwords.keySet()) {
            users.findByLogonId(logonId).map(User::getPasswordHash).ifPresent(secrets::add);
            logonIds.add(logonId);
        }
        assertThat(secrets)
                .as("passwords, the token and the hashes of the users created so far")
                .hasSizeGreaterThan(passwords.size() + 1);
        assertThat(DatabaseSearch.find(dataSource, organization.user().logonId()))
                .as("the search reaches the registration's rows")
                .isNotEmpty();
        assertThat(DatabaseSearch.find(dataSource, HASH_COLUMN, secrets.toArray(String[]::new)))
                .as("secrets in the database")
                .isEmpty();
        String log = output.getAll();
        assertThat(log)
                .as("the log was captured")
                .contains(organization.user().logonId().substring(0, 4));
        for (String secret : secrets) {
            assertThat(log)
                    .doesNotContain(secret)
                    .doesNotContain(secret.replace(" ", "+"))
                    .doesNotContain(secret.replace(" ", "%20"));
        }
    }

    /** Submits over HTTP while SMTP is down, so the first notification job fails (and stores its exception). */
    private String submitOverHttpThroughAFailedJob(RegistrationRequest request) throws Exception {
        mail.stop();
        try {
            String body = mvc.perform(post("/api/registrations/organization")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(TestRegistrations.body(request))))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String registrationId = json.readTree(body).get("id").asText();
            String instanceId = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(registrationId)
                    .singleResult()
                    .getId();
            List<Job> failed = new ArrayList<>();
            for (Job job : management
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .executable()
                    .list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException smtpDown) {
                    failed.add(job);
                }
            }
            assertThat(failed).as("jobs that failed while SMTP was down").isNotEmpty();
            assertThat(management.getJobExceptionStacktrace(failed.get(0).getId()))
                    .as("the failure's stack trace is stored")
                    .isNotBlank();
            failed.forEach(job -> management.setJobDuedate(job.getId(), null));
            return instanceId;
        } finally {
            mail.start();
        }
    }

    private void complete(String instanceId, Map<String, Object> variables) {
        jobs.executeAll();
        var task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task).as("the registration's open task").isNotNull();
        tasks.complete(task.getId(), variables);
        jobs.executeAll();
    }

    private static String password() {
        return "tangerine " + UUID.randomUUID().toString().substring(0, 8) + " lantern";
    }

    private static RegistrationRequest withPassword(RegistrationRequest template, String password) {
        UserData u = template.user();
        return new RegistrationRequest(
                template.organization(),
                new UserData(
                        u.logonId(),
                        password,
                        password,
                        u.firstName(),
                        u.middleName(),
                        u.lastName(),
                        u.email(),
                        u.phone(),
                        u.preferredLanguage()),
                template.address(),
                template.previousRegistrationId());
    }
}
