package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The CloudSuite flows through their HTTP entry points: JSON API, storefront pages, ERP integration, activation. */
@IntegrationTest
class CloudSuiteHttpTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final Pattern LINK = Pattern.compile("http://shop\\.test/store/activate\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    UserRepository users;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    HistoryService history;

    @BeforeEach
    void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aShopRegistrationMayOrderAtOnce() throws Exception {
        RegistrationRequest request = CloudSuiteRequests.company();
        JsonNode created = created(mvc.perform(post("/api/registrations/shop")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(request)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/registrations/")))
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andReturn());
        mvc.perform(get("/api/registrations/" + created.get("id").asText()))
                .andExpect(jsonPath("$.flow").value("shop"))
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.organizationId").isNumber());
        jobs.executeAll();
        assertThat(TestSmtp.to(mail, request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).startsWith("Welcome"));

        MockHttpSession session = signIn(request.user().logonId(), TestRegistrations.PASSWORD, "/store/account");
        mvc.perform(get("/api/me").session(session))
                .andExpect(jsonPath("$.mayOrder").value(true))
                .andExpect(jsonPath("$.organizationName")
                        .value(request.organization().name()));
        mvc.perform(get("/store/account").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/registrations/shop")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(request)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("user.logonId"));
        RegistrationRequest sameCompany =
                CloudSuiteRequests.company(request.organization().name(), null, null);
        mvc.perform(post("/api/registrations/shop")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(sameCompany)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("organization.name"));
    }

    @Test
    void partialRegistrationsWaitAndTheUserCannotSignInYet() throws Exception {
        for (String flow : new String[] {"erp-approval", "shop-approval"}) {
            RegistrationRequest request = CloudSuiteRequests.company();
            JsonNode created = created(mvc.perform(post("/api/registrations/" + flow)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(request)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.state").value("PENDING"))
                    .andReturn());
            mvc.perform(get("/api/registrations/" + created.get("id").asText()))
                    .andExpect(jsonPath("$.flow").value(flow))
                    .andExpect(jsonPath("$.organizationId").value(nullValue()));
            mvc.perform(post("/store/login")
                            .with(StorefrontCsrf.token(mvc))
                            .param("logonId", request.user().logonId())
                            .param("logonPassword", TestRegistrations.PASSWORD))
                    .andExpect(redirectedUrl("/store/login?error=pending"));
        }
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsStored() throws Exception {
        RegistrationRequest valid = CloudSuiteRequests.company();
        UserData user = valid.user();
        RegistrationRequest noPassword = new RegistrationRequest(
                valid.organization(),
                new UserData(
                        user.logonId(), null, null, user.firstName(), null, user.lastName(), user.email(), null, null),
                valid.address(),
                null);
        for (String flow : new String[] {"shop", "erp-approval", "shop-approval"}) {
            mvc.perform(post("/api/registrations/" + flow)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(noPassword)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("user.password"));
            mvc.perform(post("/api/registrations/" + flow)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(new RegistrationRequest(
                                    valid.organization(), valid.user(), valid.address(), "someOtherRegistration"))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("previousRegistrationId"));
        }
        assertThat(users.findByLogonId(user.logonId())).isEmpty();
        mvc.perform(post("/api/registrations/erp-external")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(valid)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStorefrontPagesRegisterAndShowFieldErrors() throws Exception {
        mvc.perform(get("/store/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/store/register/choose\"")));
        mvc.perform(get("/store/register/choose"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/store/register/shop\"")))
                .andExpect(content().string(containsString("href=\"/store/register/business\"")))
                .andExpect(content().string(containsString("href=\"/store/register/shop-approval\"")));
        mvc.perform(get("/store/register"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Register as a customer")));
        mvc.perform(get("/store/register/business"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ERP system")));
        mvc.perform(get("/store/register/shop-approval"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("back office")));
        mvc.perform(get("/store/register/shop-approval").param("correct", "unknown"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be corrected")));

        RegistrationRequest request = CloudSuiteRequests.company();
        mvc.perform(post("/store/register/business")
                        .with(StorefrontCsrf.token(mvc))
                        .param("organization.name", request.organization().name())
                        .param("user.logonId", request.user().logonId())
                        .param("user.lastName", "Lovelace")
                        .param("user.email", request.user().email())
                        .param("user.password", TestRegistrations.PASSWORD)
                        .param("user.passwordVerify", "different one!"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The two passwords differ")));
        MvcResult registered = mvc.perform(post("/store/register")
                        .with(StorefrontCsrf.token(mvc))
                        .param("organization.name", request.organization().name())
                        .param("address.city", "Amsterdam")
                        .param("user.logonId", request.user().logonId())
                        .param("user.lastName", "Lovelace")
                        .param("user.email", request.user().email())
                        .param("user.password", TestRegistrations.PASSWORD)
                        .param("user.passwordVerify", TestRegistrations.PASSWORD)
                        .param("consentVersion", ConsentTerms.CURRENT))
                .andExpect(redirectedUrlPattern("/store/registration/*"))
                .andReturn();
        mvc.perform(get(registered.getResponse().getRedirectedUrl()))
                .andExpect(content().string(containsString("approved")));
    }

    @Test
    void theErpIntegrationCreatesACustomerWhoseUserActivatesTheAccount() throws Exception {
        ErpCustomerRequest request = CloudSuiteRequests.erpCustomer(true);
        String body = json.writeValueAsString(request);
        mvc.perform(post("/api/integration/customers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/integration/customers")
                        .with(httpBasic("backoffice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());

        JsonNode created = created(mvc.perform(post("/api/integration/customers")
                        .with(httpBasic("erp-integration", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andReturn());
        String registrationId = created.get("id").asText();
        mvc.perform(post("/api/integration/customers")
                        .with(httpBasic("erp-integration", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("organization.erpCustomerNumber"))
                .andExpect(jsonPath("$.registrationId").value(registrationId));

        // the user has no password yet: sign-in fails until the link is used
        mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", request.user().logonId())
                        .param("logonPassword", TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        jobs.executeAll();
        String token = token(request.user().email());
        mvc.perform(get("/store/activate").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(request.user().logonId())));
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + TestRegistrations.PASSWORD + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + TestRegistrations.PASSWORD + "\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value(startsWith("This activation link has already been used")));
        MockHttpSession session = signIn(request.user().logonId(), TestRegistrations.PASSWORD, "/store/account");
        mvc.perform(get("/api/me").session(session))
                .andExpect(jsonPath("$.mayOrder").value(true));

        String instanceId = registrations.findById(registrationId).orElseThrow().getProcessInstanceId();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("EndEvent_AccountActivated");
    }

    @Test
    void theErpIntegrationGetsFieldErrors() throws Exception {
        ErpCustomerRequest valid = CloudSuiteRequests.erpCustomer(false);
        mvc.perform(post("/api/integration/customers")
                        .with(httpBasic("erp-integration", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization\":{\"name\":\"X Corp\"},\"user\":{\"logonId\":\""
                                + valid.user().logonId() + "\",\"lastName\":\"Ross\",\"email\":\""
                                + valid.user().email() + "\",\"password\":\"secret\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organization.erpCustomerNumber"))
                .andExpect(jsonPath("$.errors[1].field").value("user.password"));
        assertThat(users.findByLogonId(valid.user().logonId())).isEmpty();
    }

    /** The JSON a client sends, with the (write-only) passwords. */
    private String body(RegistrationRequest request) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = json.valueToTree(request);
        com.fasterxml.jackson.databind.node.ObjectNode user =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("user");
        user.put("password", request.user().password());
        user.put("passwordVerify", request.user().passwordVerify());
        return json.writeValueAsString(tree);
    }

    private JsonNode created(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private MockHttpSession signIn(String logonId, String password, String expectedTarget) throws Exception {
        MvcResult result = mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", logonId)
                        .param("logonPassword", password))
                .andExpect(redirectedUrl(expectedTarget))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String token(String address) {
        var messages = TestSmtp.to(mail, address);
        assertThat(messages).isNotEmpty();
        Matcher matcher = LINK.matcher(TestSmtp.text(messages.get(messages.size() - 1)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
