package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reseller registration through every entry point (ResellerRegistrationAdd, the JSON API, the storefront page), the
 * site administrator's approval in Tasklist (engine REST), and what HCL Commerce's reseller registration promises after
 * it: the reseller administrator signs in and approves the buyers who register with the new organization.
 */
@IntegrationTest
class ResellerRegistrationIntegrationTest {

    private static final String HCL = "/webapp/wcs/stores/servlet/";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

    @Autowired
    ApprovalGroupRepository approvalGroups;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void purgeMail() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void resellerRegistrationAddRedirectsToTheApprovalView() throws Exception {
        String key = TestRegistrations.unique("abc");
        MvcResult result = mvc.perform(hcl("ResellerRegistrationAdd", key)
                        .param("storeId", "10001")
                        .param("URL", "ResellerRegistrationApprovalView"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(
                                "Location", startsWith(HCL + "ResellerRegistrationApprovalView?registrationId=")))
                .andReturn();
        String id = result.getResponse().getHeader("Location").replaceFirst(".*registrationId=", "");
        mvc.perform(get(HCL + "ResellerRegistrationApprovalView").param("registrationId", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("pending approval")));
        mvc.perform(get("/api/registrations/{id}", id))
                .andExpect(jsonPath("$.flow").value("reseller"))
                .andExpect(jsonPath("$.state").value("PENDING"));

        jobs.executeAll();
        mvc.perform(get("/api/registrations/{id}", id))
                .andExpect(jsonPath("$.step").value("Task_ApproveReseller"));
        assertThat(TestSmtp.to(mail, "site-admin@staff.example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(key + " Resellers"));

        String other = TestRegistrations.unique("abc");
        mvc.perform(hcl("ResellerRegistrationAdd", other))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", startsWith(HCL + "ResellerRegistrationApprovalView?")));
    }

    @Test
    void resellerRegistrationAddRefusesTheForbiddenParameters() throws Exception {
        for (String forbidden :
                new String[] {"org_orgEntityType", "usr_parentMember", "org_parentMember", "org_administratorFirstName"
                }) {
            String key = TestRegistrations.unique("abc");
            mvc.perform(hcl("ResellerRegistrationAdd", key).param(forbidden, "x"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(forbidden));
            assertThat(users.findByLogonId(key)).isEmpty();
        }
        mvc.perform(hcl("ResellerRegistrationAdd", TestRegistrations.unique("abc"))
                        .param("usr_logonPasswordVerify", "other"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("usr_logonPasswordVerify"));
        mvc.perform(get(HCL + "ResellerRegistrationAdd")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void jsonApi() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submitJson(request);
        jobs.executeAll();
        JsonNode status = json.readTree(mvc.perform(get("/api/registrations/{id}", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(status.get("flow").asText()).isEqualTo("reseller");
        assertThat(status.get("step").asText()).isEqualTo("Task_ApproveReseller");
        assertThat(status.get("organizationId").asLong()).isPositive();

        mvc.perform(postJson("/api/registrations/reseller", TestRegistrations.body(request)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("user.logonId"));
        RegistrationRequest sameName = TestRegistrations.organization(
                request.organization().name(), TestRegistrations.unique("other"), "other@example.com");
        mvc.perform(postJson("/api/registrations/reseller", TestRegistrations.body(sameName)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("organization.name"));
        Map<String, Object> bad = TestRegistrations.body(TestRegistrations.organization());
        ((Map<String, Object>) bad.get("user")).put("email", "not-an-email");
        ((Map<String, Object>) bad.get("user")).put("password", "short");
        mvc.perform(postJson("/api/registrations/reseller", bad))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("user.email", "user.password")));
    }

    @Test
    void storefrontPage() throws Exception {
        mvc.perform(get("/store/register/reseller"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Register as a reseller")))
                .andExpect(content().string(containsString("Reseller administrator")))
                .andExpect(content().string(containsString("name=\"organization.taxId\"")))
                .andExpect(content().string(containsString("action=\"/store/register/reseller\"")));
        mvc.perform(get("/store/register/organization"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Register your organization")))
                .andExpect(content().string(containsString("Buyer administrator")))
                .andExpect(content().string(containsString("action=\"/store/register/organization\"")));
        mvc.perform(get("/store/register/nonsense")).andExpect(status().isNotFound());
        RegistrationRequest request = TestRegistrations.organization();
        MvcResult result = mvc.perform(storefrontForm(request))
                .andExpect(status().isFound())
                .andReturn();
        String id = result.getResponse().getRedirectedUrl().replace("/store/registration/", "");
        assertThat(registrations.findById(id))
                .hasValueSatisfying(r -> assertThat(r.getFlow()).isEqualTo(RegistrationFlow.RESELLER));

        // setParameter replaces the form's value; param() would add a second one, which is refused as repeated
        mvc.perform(storefrontForm(TestRegistrations.organization()).with(form -> {
                    form.setParameter("user.email", "nope");
                    return form;
                }))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")));
        mvc.perform(storefrontForm(request)).andExpect(status().isConflict());
    }

    /**
     * Reseller registration end to end: approved in Tasklist, the reseller administrator approves the organization's
     * buyers.
     */
    @Test
    void approvedInTasklistTheResellerAdministratorApprovesItsBuyers() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submitJson(request);
        jobs.executeAll();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ApproveReseller");

        String complete = "/engine-rest/task/" + task.getId() + "/complete";
        Map<String, Object> approve = Map.of("variables", Map.of("approved", Map.of("value", true)));
        assertThat(http.withBasicAuth("seller-admin", "demo")
                        .postForEntity(complete, approve, String.class)
                        .getStatusCode())
                .as("seller admins are not the reseller's approvers")
                .isEqualTo(HttpStatus.FORBIDDEN);
        mvc.perform(StorefrontSignIn.form(mvc, request.user().logonId(), TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/login?error=pending"));
        ResponseEntity<String> completed =
                http.withBasicAuth("site-admin", "demo").postForEntity(complete, approve, String.class);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        jobs.executeAll();

        assertThat(registrations.findById(id).orElseThrow().getDecidedBy()).isEqualTo("site-admin");
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).contains("is approved"));
        transactions.executeWithoutResult(status -> {
            User admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(approvalGroups
                            .findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration)
                            .orElseThrow()
                            .getApprovers())
                    .containsExactly(admin);
        });

        MockHttpSession session = signIn(request.user().logonId());
        RegistrationRequest buyer =
                TestRegistrations.buyer(request.organization().name());
        String buyerRegistration = json.readTree(
                        mvc.perform(postJson("/api/registrations/buyer", TestRegistrations.body(buyer)))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .get("id")
                .asText();
        jobs.executeAll();
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(
                        m -> assertThat(TestSmtp.text(m)).contains(buyer.user().logonId()));

        mvc.perform(get("/store/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registration approvals")));
        mvc.perform(get("/api/me/approvals").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(buyerRegistration))
                .andExpect(jsonPath("$[0].logonId").value(buyer.user().logonId()));
        mvc.perform(postJson("/api/me/approvals/" + buyerRegistration, Map.of("approved", true))
                        .session(session)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));
        jobs.executeAll();

        assertThat(TestSmtp.to(mail, buyer.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).contains("You can now sign in"));
        signIn(buyer.user().logonId());
        mvc.perform(get("/api/me/approvals").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(buyerRegistration))));
    }

    private MockHttpSession signIn(String logonId) throws Exception {
        MvcResult login = mvc.perform(StorefrontSignIn.form(mvc, logonId, TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/account"))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private String submitJson(RegistrationRequest request) throws Exception {
        String body = mvc.perform(postJson("/api/registrations/reseller", TestRegistrations.body(request)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private MockHttpServletRequestBuilder postJson(String path, Object body) throws Exception {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private static MockHttpServletRequestBuilder hcl(String command, String key) {
        return post(HCL + command)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("org_orgEntityName", key + " Resellers")
                .param("org_city", "Berlin")
                .param("usr_logonId", key)
                .param("usr_logonPassword", TestRegistrations.PASSWORD)
                .param("usr_logonPasswordVerify", TestRegistrations.PASSWORD)
                .param("usr_lastName", "Reseller")
                .param("usr_email1", key + "@resellers.example.com");
    }

    private MockHttpServletRequestBuilder storefrontForm(RegistrationRequest request) {
        return post("/store/register/reseller")
                .with(StorefrontCsrf.token(mvc))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("organization.name", request.organization().name())
                .param("organization.description", "Resells industrial supplies")
                .param("address.city", "Hamburg")
                .param("user.logonId", request.user().logonId())
                .param("user.password", TestRegistrations.PASSWORD)
                .param("user.passwordVerify", TestRegistrations.PASSWORD)
                .param("user.lastName", "Reseller")
                .param("user.email", request.user().email())
                .param("consentVersion", ConsentTerms.CURRENT);
    }
}
