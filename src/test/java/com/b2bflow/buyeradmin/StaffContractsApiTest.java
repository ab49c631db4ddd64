package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account representatives add, extend and end an organization's contracts after the set-up (audited; a broken rule
 * is a 400 naming the field); buyers see the contracts they order under; a contract ending within the lead time
 * warns its buyer administrators (in their language) and the account representatives once per last day, found by
 * moving the engine clock.
 */
@IntegrationTest
class StaffContractsApiTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContractExpiryWarnings warnings;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void accountRepsAddExtendAndEndContractsAndBuyersSeeThem() throws Exception {
        Tenant tenant = tenants.create();
        LocalDate today = LocalDate.now();
        JsonNode added = call(post(contracts(tenant)), "account-rep", """
                {"name": "Spare parts", "terms": "Net 60", "validFrom": "%s", "validTo": "%s"}""".formatted(today, today.plusMonths(6)), 201);
        assertThat(added.path("accountName").asText())
                .isEqualTo(tenant.organizationName().replace(" Corp", "") + " account");
        assertThat(added.path("inForce").asBoolean()).isTrue();
        long id = added.path("id").asLong();

        JsonNode refused = call(post(contracts(tenant)), "account-rep", """
                {"name": "Backwards", "validFrom": "%s", "validTo": "%s"}""".formatted(today, today.minusDays(1)), 400);
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("validTo");
        assertThat(refused.path("detail").asText()).contains("cannot end before it starts");
        JsonNode german = call(
                post(contracts(tenant)).header("Accept-Language", "de"),
                "account-rep",
                """
                {"name": "Backwards", "validFrom": "%s", "validTo": "%s"}""".formatted(today, today.minusDays(1)),
                400);
        assertThat(german.path("errors").get(0).path("field").asText())
                .as("field names stay as they are")
                .isEqualTo("validTo");
        assertThat(german.path("errors").get(0).path("message").asText())
                .isEqualTo("Der Vertrag kann nicht enden, bevor er beginnt");

        assertThat(call(
                                post(contracts(tenant) + "/" + id + "/extend"),
                                "seller-admin",
                                """
                {"validTo": "%s"}""".formatted(today.plusYears(1)),
                                200)
                        .path("validTo")
                        .asText())
                .isEqualTo(today.plusYears(1).toString());
        assertThat(call(
                                post(contracts(tenant) + "/" + id + "/end"),
                                "account-rep",
                                """
                {"lastDay": "%s"}""".formatted(today.minusDays(1)),
                                400)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("lastDay");
        long standard = standardContract(tenant);
        assertThat(refusedExtension(tenant, standard, "en"))
                .isEqualTo("The contract has no end: there is nothing to extend");
        assertThat(refusedExtension(tenant, standard, "de-DE,de;q=0.9"))
                .as("a person reading the console in German")
                .isEqualTo("Der Vertrag hat kein Ende: Es gibt nichts zu verlängern");
        assertThat(call(post(contracts(tenant) + "/" + standard + "/end"), "account-rep", "{}", 200)
                        .path("validTo")
                        .asText())
                .isEqualTo(today.toString());

        assertThat(jdbc.queryForList(
                        "select action from audit_event where target_type = 'Contract' and target_id in"
                                + " (?, ?) order by id",
                        String.class,
                        String.valueOf(id),
                        String.valueOf(standard)))
                .containsExactly("CONTRACT_ADDED", "CONTRACT_EXTENDED", "CONTRACT_ENDED");
        mvc.perform(post(contracts(tenant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(httpBasic("csr", "demo")))
                .andExpect(status().isForbidden());

        MockHttpSession buyer =
                (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, tenant.subBuyer(), TestRegistrations.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/api/me").session(buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contracts[*].name", hasItem("Spare parts")))
                .andExpect(jsonPath(
                        "$.contracts[?(@.name == 'Spare parts')].validTo",
                        hasItem(today.plusYears(1).toString())));
        mvc.perform(get("/store/account").session(buyer))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Spare parts")));
    }

    @Test
    void anExpiringContractWarnsTheBuyerAdministratorsAndTheAccountRepsOncePerLastDay() throws Exception {
        Tenant tenant = tenants.create();
        transactions.executeWithoutResult(
                status -> users.findById(tenant.adminId()).orElseThrow().setPreferredLanguage("de"));
        LocalDate today = LocalDate.now();
        long id = call(
                        post(contracts(tenant)),
                        "account-rep",
                        """
                {"name": "Seasonal %s", "validFrom": "%s", "validTo": "%s"}""".formatted(tenant.organizationId(), today, today.plusDays(60)),
                        201)
                .path("id")
                .asLong();

        warnings.warnDue();
        assertThat(warningsAbout(tenant.admin() + "@example.com"))
                .as("60 days ahead: not yet")
                .isZero();

        moveClockTo(today.plusDays(31));
        warnings.warnDue();
        warnings.warnDue();
        assertThat(warningsAbout(tenant.admin() + "@example.com"))
                .as("once per last day")
                .isOne();
        assertThat(TestSmtp.to(mail, tenant.admin() + "@example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.subject(m))
                        .isEqualTo("Der Vertrag Seasonal " + tenant.organizationId() + " endet bald"));
        assertThat(TestSmtp.to(mail, "account-rep@staff.example.com"))
                .extracting(TestSmtp::text)
                .anyMatch(text -> text.contains("Seasonal " + tenant.organizationId())
                        && text.contains("ends on "
                                + new com.b2bflow.shared.HumanFormat(
                                                java.util.Locale.ENGLISH, com.b2bflow.shared.HumanFormat.DEFAULT_ZONE)
                                        .date(today.plusDays(60))));

        call(post(contracts(tenant) + "/" + id + "/extend"), "account-rep", """
                {"validTo": "%s"}""".formatted(today.plusDays(61)), 200);
        warnings.warnDue();
        assertThat(warningsAbout(tenant.admin() + "@example.com"))
                .as("the new last day is announced")
                .isEqualTo(2);
    }

    private long warningsAbout(String email) {
        return TestSmtp.to(mail, email).stream()
                .filter(m -> TestSmtp.subject(m).contains("Seasonal"))
                .count();
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(
                Date.from(day.atStartOfDay(ZoneId.systemDefault()).plusHours(6).toInstant()));
    }

    private long standardContract(Tenant tenant) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get(contracts(tenant)).with(httpBasic("account-rep", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        for (JsonNode contract : list) {
            if ("Standard".equals(contract.path("name").asText())) {
                return contract.path("id").asLong();
            }
        }
        throw new AssertionError("no Standard contract in " + list);
    }

    /** The detail of the 409 that extending an open-ended contract gets, in the language asked for. */
    private String refusedExtension(Tenant tenant, long contractId, String language) throws Exception {
        return call(
                        post(contracts(tenant) + "/" + contractId + "/extend").header("Accept-Language", language),
                        "account-rep",
                        """
                {"validTo": "%s"}""".formatted(LocalDate.now().plusYears(1)),
                        409)
                .path("detail")
                .asText();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String staff, String body, int expected)
            throws Exception {
        String answer = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(httpBasic(staff, "demo"))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer);
    }

    private static String contracts(Tenant tenant) {
        return "/api/staff/organizations/" + tenant.organizationId() + "/contracts";
    }
}
