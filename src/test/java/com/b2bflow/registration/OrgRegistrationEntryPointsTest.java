package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The three entry points of organization self-registration, end to end with mail and sign-in. */
@IntegrationTest
class OrgRegistrationEntryPointsTest {

    private static final String HCL = "/webapp/wcs/stores/servlet/BuyerRegistrationAdd";

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
    UserRepository users;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    RegistrationRepository registrations;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void jsonApiSubmitsAndReportsTheState() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        MvcResult created = mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(TestRegistrations.body(request))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(header().exists("Location"))
                .andReturn();
        String id = json.readTree(created.getResponse().getContentAsString())
                .get("id")
                .asText();
        assertThat(id).hasSizeGreaterThanOrEqualTo(22);

        mvc.perform(get("/api/registrations/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flow").value("organization"))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.organizationId").isNumber());

        jobs.executeAll();
        mvc.perform(get("/api/registrations/" + id))
                .andExpect(jsonPath("$.step").value("Task_ReviewRegistration"));
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(TestSmtp.subject(m))
                            .isEqualTo("New registration: "
                                    + request.organization().name());
                    assertThat(TestSmtp.text(m))
                            .contains(request.user().email(), id, "http://shop.test/camunda/app/tasklist/");
                });
        assertThat(TestSmtp.to(mail, request.user().email())).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m))
                    .isEqualTo("We received your registration of "
                            + request.organization().name());
            assertThat(TestSmtp.text(m)).contains(id, "http://shop.test/store/registration/" + id);
        });

        decide(id, true);
        mvc.perform(get("/api/registrations/" + id))
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.decision").value("APPROVED"));
        mvc.perform(get("/api/registrations/unknown-id")).andExpect(status().isNotFound());
    }

    @Test
    void hclBuyerRegistrationAddRedirectsToTheView() throws Exception {
        String key = TestRegistrations.unique("hcl");
        MvcResult result = mvc.perform(hcl(key).param("URL", "OrgRegistrationAddPendingForApprovalView"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern(
                        "/webapp/wcs/stores/servlet/OrgRegistrationAddPendingForApprovalView?registrationId=*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("pending approval")));
        String id = location.substring(location.indexOf('=') + 1);
        var registration = registrations.findById(id).orElseThrow();
        assertThat(users.findByLogonId(key)).hasValueSatisfying(user -> {
            assertThat(user.getFirstName()).isEqualTo("Hedy");
            assertThat(user.isEnabled()).isFalse();
        });
        assertThat(registration.getSubmittedData()).contains(key + " GmbH").doesNotContain(TestRegistrations.PASSWORD);
    }

    @Test
    void hclRefusesTheForbiddenParametersByName() throws Exception {
        for (String forbidden : new String[] {
            "usr_parentMember",
            "org_parentMember",
            "org_administratorFirstName",
            "org_administratorLastName",
            "org_administratorMiddleName",
            "org_orgEntityType"
        }) {
            String key = TestRegistrations.unique("forbidden");
            assertNothingPersistedAfter(key, hcl(key).param(forbidden, "x"), 400, forbidden);
        }
        String key = TestRegistrations.unique("badview");
        assertNothingPersistedAfter(key, hcl(key).param("URL", "https://evil.example.com/"), 400, "URL");
        assertNothingPersistedAfter(key, hcl(key).param("usr_logonid", "typo"), 400, "usr_logonid");
        assertNothingPersistedAfter(key, hcl(key).param("usr_logonId", "second"), 400, "usr_logonId");
        mvc.perform(get(HCL)).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void hclNamesTheParameterOfAFieldError() throws Exception {
        String key = TestRegistrations.unique("hclbad");
        MockHttpServletRequestBuilder request = post(HCL)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("org_orgEntityName", key)
                .param("usr_logonId", key)
                .param("usr_lastName", "Lamarr")
                .param("usr_email1", "not-an-email")
                .param("usr_logonPassword", "short")
                .param("usr_logonPasswordVerify", "different");
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.hasItems(
                                "usr_email1", "usr_logonPassword", "usr_logonPasswordVerify")));
        assertThat(users.findByLogonId(key)).isEmpty();
    }

    @Test
    void storefrontFormRegistersAndShowsTheRegistrationId() throws Exception {
        String key = TestRegistrations.unique("page");
        mvc.perform(get("/store/register/organization"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"organization.name\"")));
        MvcResult result = mvc.perform(page(key, TestRegistrations.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/store/registration/*"))
                .andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("pending approval")));
        assertThat(users.findByLogonId(key)).isPresent();
    }

    @Test
    void storefrontFormShowsFieldErrorsAndKeepsNothing() throws Exception {
        String key = TestRegistrations.unique("pagebad");
        // setParameter replaces the helper's value; param() would add a second one, which is refused as repeated
        mvc.perform(page(key, "tooshort").with(request -> {
                    request.setParameter("user.passwordVerify", "different");
                    return request;
                }))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("12 to 64 characters")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The two passwords differ")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
        assertThat(users.findByLogonId(key)).isEmpty();
        mvc.perform(post("/store/register/organization").param("organization.name", key))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedWithFieldMessagesAndNothingPersisted() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"organization\":{\"name\":\"\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"correct horse battery\",\"lastName\":\"X\",\"email\":\"a@b.de\"}}",
                "organization.name",
                "{\"organization\":{\"name\":\"KEY\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"correct horse battery\",\"lastName\":\"X\",\"email\":\"nope\"}}",
                "user.email",
                "{\"organization\":{\"name\":\"KEY\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"short\",\"lastName\":\"X\",\"email\":\"a@b.de\"}}",
                "user.password",
                "{\"organization\":{\"name\":\"KEY\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"correct horse battery\",\"passwordVerify\":\"other horse battery\",\"lastName\":\"X\",\"email\":\"a@b.de\"}}",
                "user.passwordVerify",
                "{\"organization\":{\"name\":\"" + "x".repeat(200)
                        + "\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"correct horse battery\",\"lastName\":\"X\",\"email\":\"a@b.de\"}}",
                "organization.name",
                "{\"organization\":{\"name\":\"KEY\"},\"user\":{\"logonId\":\"KEY\",\"password\":\"correct horse battery\",\"lastName\":\"\",\"email\":\"a@b.de\"}}",
                "user.lastName",
                "{\"organization\":{\"name\":\"KEY\"}}",
                "user");
        long organizationsBefore = organizations.count();
        long registrationsBefore = registrations.count();
        for (var entry : cases.entrySet()) {
            String key = TestRegistrations.unique("bad");
            mvc.perform(post("/api/registrations/organization")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(entry.getKey().replace("KEY", key)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(entry.getValue())));
            assertThat(users.findByLogonId(key)).isEmpty();
        }
        mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/registrations/nonsense")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound());
        assertThat(organizations.count()).isEqualTo(organizationsBefore);
        assertThat(registrations.count()).isEqualTo(registrationsBefore);
    }

    @Test
    void aTakenLogonIdOrOrganizationNameIsAConflict() throws Exception {
        RegistrationRequest first = TestRegistrations.organization();
        submitJson(first).andExpect(status().isCreated());
        String other = TestRegistrations.unique("other");
        long registrationsBefore = registrations.count();

        submitJson(TestRegistrations.organization(
                        other + " Ltd", first.user().logonId().toUpperCase(), other + "@x.example.com"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("user.logonId"));
        submitJson(TestRegistrations.organization(
                        first.organization().name().toLowerCase(), other, other + "@x.example.com"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("organization.name"));
        submitJson(TestRegistrations.organization(other + " Ltd", "seller-admin", other + "@x.example.com"))
                .andExpect(status().isConflict());
        assertThat(registrations.count()).isEqualTo(registrationsBefore);
        assertThat(users.findByLogonId(other)).isEmpty();
    }

    @Test
    void simultaneousSubmissionsWithOneLogonIdCreateExactlyOne() throws Exception {
        String logonId = TestRegistrations.unique("race");
        int attempts = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < attempts; i++) {
                String org = TestRegistrations.unique("race-org");
                RegistrationRequest request = TestRegistrations.organization(org, logonId, org + "@race.example.com");
                results.add(pool.submit(() -> {
                    start.await();
                    return submitJson(request).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var result : results) {
                statuses.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(users.findByLogonId(logonId)).isPresent();
    }

    @Test
    void theAdministratorSignsInOnlyAfterApproval() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        String body = submitJson(request).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        jobs.executeAll();

        mvc.perform(StorefrontSignIn.form(mvc, request.user().logonId(), TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/login?error=pending"));
        mvc.perform(get("/store/login").param("error", "pending"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("waiting for approval")));

        decide(id, true);
        MvcResult signedIn = mvc.perform(
                        StorefrontSignIn.form(mvc, request.user().logonId(), TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/account"))
                .andReturn();
        mvc.perform(get("/store/account").session((org.springframework.mock.web.MockHttpSession)
                        signedIn.getRequest().getSession()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                request.organization().name())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Yes")));
    }

    @Test
    void aRejectedAdministratorIsToldWhyAtSignIn() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        String id = json.readTree(submitJson(request).andReturn().getResponse().getContentAsString())
                .get("id")
                .asText();
        jobs.executeAll();
        decide(id, false);
        mvc.perform(StorefrontSignIn.form(mvc, request.user().logonId(), TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/login?error=rejected"));
        mvc.perform(get("/store/register/organization").param("correct", id))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                request.organization().name())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + id + "\"")));
    }

    @Test
    void aRefusedDecisionThroughTheEngineRestApiIsA400WithTheReason() throws Exception {
        String id = json.readTree(submitJson(TestRegistrations.organization())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText();
        jobs.executeAll();
        String taskId = task(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId());
        var sellerAdmin = http.withBasicAuth("seller-admin", "demo");
        var refused = sellerAdmin.postForEntity(
                "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("approved", Map.of("value", false, "type", "Boolean"))),
                String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("A rejection needs a reason");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        var accepted = sellerAdmin.postForEntity(
                "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))),
                String.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(204);
        assertThat(http.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    /** Review, account set-up and final approval (or a rejection at review) as staff would complete them. */
    private void decide(String registrationId, boolean approve) {
        String instanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(registrationId)
                .singleResult()
                .getId();
        if (!approve) {
            tasks.complete(task(instanceId), Map.of("approved", false, "rejectionReason", "Not a business customer"));
            jobs.executeAll();
            return;
        }
        tasks.complete(task(instanceId), Map.of("approved", true));
        tasks.complete(
                task(instanceId),
                Map.of("accountName", "Main", "contractName", "Standard", "contractValidFrom", "2026-01-01"));
        tasks.complete(task(instanceId), Map.of("approved", true));
        jobs.executeAll();
    }

    private String task(String instanceId) {
        return tasks.createTaskQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getId();
    }

    private org.springframework.test.web.servlet.ResultActions submitJson(RegistrationRequest request)
            throws Exception {
        return mvc.perform(post("/api/registrations/organization")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(TestRegistrations.body(request))));
    }

    private static MockHttpServletRequestBuilder hcl(String key) {
        return post(HCL)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("storeId", "10001")
                .param("org_orgEntityName", key + " GmbH")
                .param("org_businessCategory", "Retail")
                .param("org_city", "Hamburg")
                .param("org_country", "Germany")
                .param("usr_logonId", key)
                .param("usr_logonPassword", TestRegistrations.PASSWORD)
                .param("usr_logonPasswordVerify", TestRegistrations.PASSWORD)
                .param("usr_firstName", "Hedy")
                .param("usr_lastName", "Lamarr")
                .param("usr_email1", key + "@hcl.example.com");
    }

    private MockHttpServletRequestBuilder page(String key, String password) {
        return post("/store/register/organization")
                .with(StorefrontCsrf.token(mvc))
                .param("organization.name", key + " AG")
                .param("organization.taxId", "DE123")
                .param("address.city", "Munich")
                .param("user.firstName", "Grace")
                .param("user.lastName", "Hopper")
                .param("user.email", key + "@page.example.com")
                .param("user.logonId", key)
                .param("user.password", password)
                .param("user.passwordVerify", password)
                .param("consentVersion", ConsentTerms.CURRENT);
    }

    private void assertNothingPersistedAfter(
            String key, MockHttpServletRequestBuilder request, int status, String field) throws Exception {
        long before = registrations.count();
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
        assertThat(users.findByLogonId(key)).isEmpty();
        assertThat(registrations.count()).isEqualTo(before);
    }
}
