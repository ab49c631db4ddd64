package com.b2bflow.registration.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.support.DatabaseSearch;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HCL URLs accept what HCL accepts (seeds 002 and 003): the seeds' own example registers, the documented
 * parameters are stored, {@code langId} picks the language of the mails, and a browser's post gets the form back.
 */
@IntegrationTest
class HclRegistrationUrlsTest {

    private static final String SERVLET = "/webapp/wcs/stores/servlet/";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JobDriver jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theSeedsExampleRegistersWithoutEmailAndOnlyStaffAreTold() throws Exception {
        // seed 003, sent as a POST: https://myhostname/webapp/wcs/stores/servlet/BuyerRegistrationAdd?storeId=10001
        // &URL=OrgRegistrationAddPendingForApprovalView&org_orgEntityName=ABC&usr_logonId=myUserLogonId
        // &usr_logonPassword=myUser1Password&usr_logonPasswordVerify=myUser1Password
        String location = mvc.perform(post(SERVLET + "BuyerRegistrationAdd")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("storeId=10001&URL=OrgRegistrationAddPendingForApprovalView&org_orgEntityName=ABC"
                                + "&usr_logonId=myUserLogonId&usr_logonPassword=myUser1Password"
                                + "&usr_logonPasswordVerify=myUser1Password"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern(SERVLET + "OrgRegistrationAddPendingForApprovalView?registrationId=*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring(location.indexOf('=') + 1);

        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("keep your registration id " + id)))
                .andExpect(content().string(not(containsString("We sent a confirmation"))));
        jobs.executeAll();

        Map<String, Object> user = jdbc.queryForMap("select email, last_name, registration_state, profile_type "
                + "from member_user where logon_id = 'myUserLogonId'");
        assertThat(user)
                .containsEntry("EMAIL", null)
                .containsEntry("LAST_NAME", null)
                .containsEntry("REGISTRATION_STATE", "PENDING")
                .containsEntry("PROFILE_TYPE", "B");
        // jobs of other classes' registrations may run here too: only the mails about this one count
        assertThat(Stream.of(mail.getReceivedMessages())
                        .filter(m -> TestSmtp.text(m).contains(id)))
                .isNotEmpty()
                .allSatisfy(m ->
                        assertThat(TestSmtp.recipients(m)).allMatch(address -> address.endsWith("@staff.example.com")));
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com").stream()
                        .filter(m -> TestSmtp.text(m).contains(id)))
                .singleElement()
                .satisfies(m -> {
                    assertThat(TestSmtp.subject(m)).isEqualTo("New registration: ABC");
                    assertThat(TestSmtp.text(m)).contains("myUserLogonId");
                });
    }

    @Test
    void theResellerExampleRegistersToo() throws Exception {
        String key = TestRegistrations.unique("reseller");
        // seed 002's example with a logon id of its own (seed 003's example took myUserLogonId)
        mvc.perform(post(SERVLET + "ResellerRegistrationAdd")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("storeId", "10001")
                        .param("URL", "ResellerRegistrationApprovalView")
                        .param("org_orgEntityName", key)
                        .param("usr_logonId", key)
                        .param("usr_logonPassword", "myUser1Password")
                        .param("usr_logonPasswordVerify", "myUser1Password"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern(SERVLET + "ResellerRegistrationApprovalView?registrationId=*"));
    }

    @Test
    void documentedParametersAreStoredAndLangIdPicksGermanMails() throws Exception {
        String key = TestRegistrations.unique("hclall");
        mvc.perform(hcl(key).param("langId", "-3")
                        .param("usr_lastName", "Lamarr")
                        .param("usr_email1", key + "@hcl.example.com")
                        .param("usr_profileType", "B")
                        .param("usr_preferredCurrency", "eur")
                        .param("usr_receiveEmail", "true")
                        .param("usr_city", "Wien")
                        .param("usr_country", "Österreich")
                        .param("usr_employeeId", "E-17")
                        .param("usr_departmentNumber", "42")
                        .param("usr_gender", "F")
                        .param("usr_demographicField1", "inventor")
                        .param("usr_challengeQuestion", "Film?")
                        .param("usr_challengeAnswer", "Ecstasy1933")
                        .param("org_email1", "info@" + key + ".example.com")
                        .param("org_taxPayerId", "ATU12345678")
                        .param("org_phone1", "+43 1 234")
                        .param("org_fax1", "+43 1 235")
                        .param("org_orgEntityField1", "wholesale"))
                .andExpect(status().isSeeOther());
        jobs.executeAll();

        assertThat(jdbc.queryForMap(
                        "select preferred_currency, receive_email, preferred_language, last_name "
                                + "from member_user where logon_id = ?",
                        key))
                .containsEntry("PREFERRED_CURRENCY", "EUR")
                .containsEntry("RECEIVE_EMAIL", true)
                .containsEntry("PREFERRED_LANGUAGE", "de")
                .containsEntry("LAST_NAME", "Lamarr");
        assertThat(jdbc.queryForList(
                        "select a.city || ', ' || a.country from address a join member_user u on a.user_id = u.id "
                                + "where u.logon_id = ?",
                        String.class,
                        key))
                .as("HCL's country name is stored as its ISO code")
                .containsExactly("Wien, AT");
        assertThat(jdbc.queryForMap(
                        "select o.email, o.tax_payer_id, a.phone from organization o "
                                + "join address a on a.organization_id = o.id where o.name = ?",
                        key))
                .containsEntry("EMAIL", "info@" + key + ".example.com")
                .containsEntry("TAX_PAYER_ID", "ATU12345678")
                .containsEntry("PHONE", "+43 1 234");
        assertThat(jdbc.queryForList(
                        "select m.hcl_table || '.' || m.name || '=' || m.attribute_value "
                                + "from member_attribute m join member_user u on m.user_id = u.id where u.logon_id = ? "
                                + "order by 1",
                        String.class,
                        key))
                .containsExactly(
                        "BUSPROF.departmentNumber=42",
                        "BUSPROF.employeeId=E-17",
                        "USERDEMO.demographicField1=inventor",
                        "USERDEMO.gender=F");
        assertThat(jdbc.queryForList(
                        "select m.hcl_table || '.' || m.name || '=' || m.attribute_value "
                                + "from member_attribute m join organization o on m.organization_id = o.id where o.name = ? "
                                + "order by 1",
                        String.class,
                        key))
                .containsExactly("ADDRESS.fax1=+43 1 235", "ORGENTITY.orgEntityField1=wholesale");
        assertThat(DatabaseSearch.find(dataSource, "Ecstasy1933"))
                .as("the challenge answer is not kept")
                .isEmpty();

        assertThat(TestSmtp.to(mail, key + "@hcl.example.com")).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).isEqualTo("Wir haben Ihre Registrierung von " + key + " erhalten");
            assertThat(TestSmtp.text(m)).contains("Hallo Hedy Lamarr", "Registrierungsnummer");
        });
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com"))
                .anySatisfy(m -> assertThat(TestSmtp.subject(m)).isEqualTo("New registration: " + key));
    }

    @Test
    void aProfileTypeOtherThanThePolicysIsRefusedByName() throws Exception {
        String key = TestRegistrations.unique("hclc");
        mvc.perform(hcl(key).param("usr_profileType", "C"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("usr_profileType"));
        assertThat(jdbc.queryForObject("select count(*) from member_user where logon_id = ?", Long.class, key))
                .isZero();
    }

    @Test
    void errorViewNameAnswersWithTheFormInTheLanguageOfLangId() throws Exception {
        String key = TestRegistrations.unique("hclform");
        String page = html(mvc.perform(post(SERVLET + "BuyerRegistrationAdd")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("storeId", "10001")
                .param("org_orgEntityName", key)
                .param("usr_logonId", key)
                .param("usr_logonPassword", TestRegistrations.PASSWORD)
                .param("usr_logonPasswordVerify", "different password")
                .param("errorViewName", "UserRegistrationAddFormView")
                .param("langId", "-3")));

        assertThat(page)
                .contains(
                        "<html lang=\"de\"",
                        "Bitte korrigieren Sie Folgendes:",
                        "Passwort wiederholen",
                        "Die beiden Passwörter stimmen nicht überein.",
                        "action=\"/webapp/wcs/stores/servlet/BuyerRegistrationAdd\"",
                        "name=\"storeId\" value=\"10001\"",
                        "value=\"" + key + "\"")
                .doesNotContain(TestRegistrations.PASSWORD, "different password");
        assertThat(html(mvc.perform(hcl(key).param("errorViewName", "UserRegistrationAddFormView")
                        .param("langId", "-3")
                        .param("usr_typo", "x"))))
                .contains("usr_typo: </span><span>Unbekannter Parameter")
                .doesNotContain("name=\"usr_typo\"");
        assertThat(jdbc.queryForObject("select count(*) from member_user where logon_id = ?", Long.class, key))
                .isZero();
    }

    @Test
    void aBrowsersPostGetsTheFormInItsLanguage() throws Exception {
        String key = TestRegistrations.unique("hclhtml");
        mvc.perform(hcl(key).param("usr_email1", "not-an-email")
                        .accept(MediaType.TEXT_HTML, MediaType.ALL)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Please correct the following:")))
                .andExpect(content().string(containsString("Enter a valid email address")));
    }

    @Test
    void aCountryThatNamesNoCountryIsRefusedByItsParameterAndShownAsTheList() throws Exception {
        String key = TestRegistrations.unique("hclland");
        mvc.perform(hcl(key).param("usr_country", "Bavaria").header("Accept-Language", "de"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Einige Parameter brauchen Ihre Aufmerksamkeit"))
                .andExpect(jsonPath("$.errors[0].field").value("usr_country"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Wählen Sie ein Land aus der Liste (ein ISO-3166-1-Code wie DE)"));
        String page = html(mvc.perform(hcl(key).param("org_country", "Bavaria")
                .param("errorViewName", "UserRegistrationAddFormView")
                .param("langId", "-1")
                .header("Accept-Language", "de")));
        assertThat(page)
                .as("langId -1 wins over the browser's German")
                .contains(
                        "<html lang=\"en\"",
                        "<select id=\"org_country\" name=\"org_country\"",
                        "<option value=\"DE\">Germany</option>",
                        "href=\"#org_country\"",
                        "Choose a country from the list");
        assertThat(jdbc.queryForObject("select count(*) from member_user where logon_id = ?", Long.class, key))
                .isZero();
    }

    @Test
    void aPersonsPostAsksForTheConsentAndKeepsItWithItsTime() throws Exception {
        String key = TestRegistrations.unique("hclconsent");
        String page = html(mvc.perform(hcl(key).param("usr_lastName", "Lamarr")
                .param("langId", "-3")
                .accept(MediaType.TEXT_HTML, MediaType.ALL)));
        assertThat(page)
                .contains(
                        "<input type=\"checkbox\" id=\"consentVersion\" name=\"consentVersion\" value=\""
                                + ConsentTerms.CURRENT + "\" required",
                        "Ich stimme den Nutzungsbedingungen zu",
                        "id=\"consentVersion-error\"",
                        "Setzen Sie das Häkchen",
                        "Einwilligung: </span>")
                .doesNotContain("name=\"consentVersion\" value=\"\"", "type=\"hidden\" name=\"consentVersion\"");

        String location = mvc.perform(hcl(key).param("usr_lastName", "Lamarr")
                        .param("langId", "-3")
                        .param("consentVersion", ConsentTerms.CURRENT)
                        .accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring(location.indexOf('=') + 1);
        assertThat(jdbc.queryForMap(
                        "select consent_version, consent_at, submitted_at from registration where id = ?", id))
                .containsEntry("CONSENT_VERSION", ConsentTerms.CURRENT)
                .satisfies(row -> assertThat(row.get("CONSENT_AT")).isEqualTo(row.get("SUBMITTED_AT")));

        String client = mvc.perform(hcl(TestRegistrations.unique("hclclient")))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(jdbc.queryForObject(
                        "select consent_version from registration where id = ?",
                        String.class,
                        client.substring(client.indexOf('=') + 1)))
                .as("a client's post needs none: the HCL storefront asks its own way")
                .isNull();
    }

    private static String html(org.springframework.test.web.servlet.ResultActions answer) throws Exception {
        return answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder hcl(String key) {
        return post(SERVLET + "BuyerRegistrationAdd")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("storeId", "10001")
                .param("org_orgEntityName", key)
                .param("usr_logonId", key)
                .param("usr_firstName", "Hedy")
                .param("usr_logonPassword", TestRegistrations.PASSWORD)
                .param("usr_logonPasswordVerify", TestRegistrations.PASSWORD);
    }
}
