package com.b2bflow.customerservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The JSON API as a script or single-page client uses it, over real HTTP: session cookie, the XSRF-TOKEN cookie sent
 * back raw in X-XSRF-TOKEN, a CSR acting on behalf of a Buyer Administrator within the act-on-behalf limits, and the
 * audit.
 */
@IntegrationTest
class OnBehalfApiTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    AuditEventRepository auditEvents;

    @Autowired
    JobDriver jobs;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aScriptSignsInWithTheXsrfCookieAndAdministersItsOrganization() throws Exception {
        Tenant tenant = tenants.create();
        Client admin = new Client();
        var first = admin.get("/api/me");
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(admin.xsrf())
                .as("XSRF-TOKEN issued on the first GET /api/me")
                .isNotNull();
        // the attributes production sets (SecurityConfiguration): readable by the script, SameSite=Lax, Secure only
        // where the session cookie is (HTTPS profiles; plain HTTP here)
        assertThat(first.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .contains("Path=/")
                        .containsIgnoringCase("SameSite=Lax")
                        .doesNotContainIgnoringCase("HttpOnly")
                        .doesNotContainIgnoringCase("Secure"));
        assertThat(admin.signIn(tenant.admin(), TestRegistrations.PASSWORD).statusCode())
                .isEqualTo(302);

        HttpResponse<String> me = admin.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("logonId").asText()).isEqualTo(tenant.admin());
        assertThat(body(me).get("administrator").asBoolean()).isTrue();
        assertThat(body(me).get("mayOrder").asBoolean()).isTrue();

        assertThat(admin.send("POST", "/api/me/organizations", "{\"name\":\"Logistics\"}", false)
                        .statusCode())
                .as("without the X-XSRF-TOKEN header")
                .isEqualTo(403);
        HttpResponse<String> created = admin.send(
                "POST",
                "/api/me/organizations",
                "{\"name\":\"Logistics\",\"parentId\":" + tenant.subOrganizationId() + "}",
                true);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("parentId").asLong()).isEqualTo(tenant.subOrganizationId());
        assertThat(admin.send(
                                "POST",
                                "/api/me/organizations",
                                "{\"name\":\"logistics\",\"parentId\":" + tenant.subOrganizationId() + "}",
                                true)
                        .statusCode())
                .as("same name under the same parent")
                .isEqualTo(409);
        HttpResponse<String> invalid = admin.send(
                "POST",
                "/api/me/organizations/" + tenant.organizationId() + "/buyers",
                "{\"logonId\":\"x\",\"email\":\"nope\",\"roles\":[\"Buyer\"]}",
                true);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"lastName\"", "\"field\":\"email\"", "\"field\":\"logonId\"");

        HttpResponse<String> tree = admin.get("/api/me/organizations");
        assertThat(body(tree).findValuesAsText("name"))
                .startsWith(tenant.organizationName())
                .contains("Logistics");
        HttpResponse<String> found = admin.get("/api/me/organizations/" + tenant.organizationId() + "/buyers?q="
                + URLEncoder.encode(tenant.buyer().toUpperCase(), StandardCharsets.UTF_8));
        assertThat(body(found).findValuesAsText("logonId")).containsExactly(tenant.buyer());
        assertThat(admin.send("PATCH", "/api/me/buyers/" + tenant.adminId(), "{\"enabled\":false}", true)
                        .statusCode())
                .as("an administrator cannot disable themselves")
                .isEqualTo(409);
    }

    @Test
    void aCsrActsOnBehalfWithinItsLimitsAndEverythingIsAudited() throws Exception {
        Tenant tenant = tenants.create();
        Client csr = new Client();
        csr.get("/api/me");
        HttpResponse<String> signIn = csr.signIn("csr", "demo");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/store/customer-service");

        HttpResponse<String> customers = csr.get("/api/csr/customers?q=" + tenant.admin());
        assertThat(body(customers).findValuesAsText("logonId")).containsExactly(tenant.admin());
        assertThat(body(customers).get(0).get("administrator").asBoolean()).isTrue();

        HttpResponse<String> noReason =
                csr.send("POST", "/api/csr/customers/" + tenant.adminId() + "/act-on-behalf", "{}", true);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(csr.send(
                                "POST",
                                "/api/csr/customers/" + tenant.adminId() + "/act-on-behalf",
                                "{\"reason\":\"Ticket 815\"}",
                                true)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> me = csr.get("/api/me");
        assertThat(body(me).get("logonId").asText()).isEqualTo(tenant.admin());
        assertThat(body(me).get("onBehalf").get("csrId").asText()).isEqualTo("csr");
        assertThat(body(me).get("onBehalf").get("reason").asText()).isEqualTo("Ticket 815");

        HttpResponse<String> buyer = csr.send(
                "POST",
                "/api/me/organizations/" + tenant.subOrganizationId() + "/buyers",
                "{\"logonId\":\"" + TestRegistrations.unique("obo") + "\",\"firstName\":\"Olga\","
                        + "\"lastName\":\"Behalf\",\"email\":\"olga@example.com\",\"roles\":[\"Buyer\",\"Buyer Approver\"]}",
                true);
        assertThat(buyer.statusCode()).isEqualTo(201);
        long buyerId = body(buyer).get("id").asLong();

        // the roles a seller admin assigned to the organization bind the CSR on behalf as they bind its administrator
        Client seller = new Client();
        seller.basic = "seller-admin:demo";
        assertThat(seller.send(
                                "PUT",
                                "/api/staff/organizations/" + tenant.organizationId() + "/roles",
                                "{\"roles\":[\"Buyer\"]}",
                                false)
                        .statusCode())
                .isEqualTo(200);
        String refusedLogonId = TestRegistrations.unique("obo");
        HttpResponse<String> notGrantable = csr.send(
                "POST",
                "/api/me/organizations/" + tenant.subOrganizationId() + "/buyers",
                "{\"logonId\":\"" + refusedLogonId + "\",\"lastName\":\"Behalf\","
                        + "\"email\":\"olga2@example.com\",\"roles\":[\"Buyer Approver\"]}",
                true);
        assertThat(notGrantable.statusCode()).as(notGrantable.body()).isEqualTo(400);
        assertThat(notGrantable.body()).contains("\"field\":\"roles\"", "Buyer Approver");
        assertThat(body(csr.get("/api/me/organizations/" + tenant.subOrganizationId() + "/buyers?q=" + refusedLogonId))
                        .findValuesAsText("logonId"))
                .as("nothing created")
                .isEmpty();
        HttpResponse<String> patched =
                csr.send("PATCH", "/api/me/buyers/" + buyerId, "{\"email\":\"olga.behalf@example.com\"}", true);
        assertThat(patched.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = csr.send("DELETE", "/api/me/buyers/" + buyerId, null, true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("seller administrator");
        assertThat(csr.send("PATCH", "/api/me/buyers/" + buyerId, "{\"roles\":[\"Buyer\"]}", true)
                        .statusCode())
                .isEqualTo(403);
        assertThat(csr.send("DELETE", "/api/me/organizations/" + tenant.subOrganizationId(), null, true)
                        .statusCode())
                .isEqualTo(403);
        assertThat(csr.get("/api/me/organizations/" + tenant.organizationId() + "/customer-service-history")
                        .statusCode())
                .as("not in the act-on-behalf subset")
                .isEqualTo(403);

        assertThat(csr.send("DELETE", "/api/csr/on-behalf", null, true).statusCode())
                .isEqualTo(204);
        JsonNode staffMe = body(csr.get("/api/me"));
        assertThat(staffMe.get("logonId")).as("back to the CSR's own identity").isNull();
        assertThat(staffMe.get("userId").asText()).isEqualTo("csr");
        assertThat(csr.get("/api/me/organizations").statusCode()).isEqualTo(403);

        List<AuditEvent> changes =
                auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(buyerId));
        assertThat(changes).extracting(AuditEvent::getAction).containsExactly("BUYER_CREATED", "BUYER_UPDATED");
        assertThat(changes).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("csr");
            assertThat(e.getOnBehalfOf()).isEqualTo(tenant.admin());
            assertThat(e.getReason()).isEqualTo("Ticket 815");
            assertThat(e.getOrganizationId()).isEqualTo(tenant.subOrganizationId());
        });
        assertThat(changes.get(1).getDetails())
                .isEqualTo(
                        "{\"before\":{\"email\":\"olga@example.com\"},\"after\":{\"email\":\"olga.behalf@example.com\"}}");

        jobs.executeAll();
        assertThat(TestSmtp.to(mail, tenant.admin() + "@example.com"))
                .extracting(TestSmtp::subject)
                .contains("Customer service accessed your account " + tenant.admin());

        Client admin = new Client();
        admin.get("/api/me");
        admin.signIn(tenant.admin(), TestRegistrations.PASSWORD);
        HttpResponse<String> history =
                admin.get("/api/me/organizations/" + tenant.organizationId() + "/customer-service-history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(body(history).findValuesAsText("action"))
                .contains("ON_BEHALF_STARTED", "BUYER_CREATED", "BUYER_UPDATED", "ON_BEHALF_ENDED");
        assertThat(body(history).findValuesAsText("csr")).containsOnly("csr");
        assertThat(admin.get("/api/me/organizations/" + tenants.create().organizationId() + "/customer-service-history")
                        .statusCode())
                .isEqualTo(404);
    }

    /** Signing out while acting on behalf ends it, audited (OnBehalfLogout reaches the security chain as a bean). */
    @Test
    void signingOutEndsActingOnBehalf() throws Exception {
        Tenant tenant = tenants.create();
        Client csr = new Client();
        csr.get("/api/me");
        csr.signIn("csr", "demo");
        assertThat(csr.send(
                                "POST",
                                "/api/csr/customers/" + tenant.adminId() + "/act-on-behalf",
                                "{\"reason\":\"Ticket 816\"}",
                                true)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> signOut = csr.send("POST", "/store/logout", null, true);
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/store/login?logout");

        assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(tenant.adminId())))
                .extracting(AuditEvent::getAction)
                .containsExactly("ON_BEHALF_STARTED", "ON_BEHALF_ENDED");
    }

    @Test
    void sellerAdministratorsDoWhatIsReservedToThem() throws Exception {
        Tenant tenant = tenants.create();
        Client staff = new Client();
        staff.basic = "seller-admin:demo";
        HttpResponse<String> roles = staff.send(
                "PUT",
                "/api/staff/users/" + tenant.buyerId() + "/roles",
                "{\"roles\":[\"Buyer\",\"Organization Participant\"]}",
                false);
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(roles.body()).contains("Organization Participant");
        assertThat(staff.send(
                                "PUT",
                                "/api/staff/users/" + tenant.buyerId() + "/roles",
                                "{\"roles\":[\"Emperor\"]}",
                                false)
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.send("DELETE", "/api/staff/organizations/" + tenant.subOrganizationId(), null, false)
                        .statusCode())
                .as("still has a buyer")
                .isEqualTo(409);
        assertThat(staff.send("DELETE", "/api/staff/users/" + tenant.subBuyerId(), null, false)
                        .statusCode())
                .isEqualTo(204);
        assertThat(staff.send("DELETE", "/api/staff/organizations/" + tenant.subOrganizationId(), null, false)
                        .statusCode())
                .isEqualTo(204);
        assertThat(staff.send("DELETE", "/api/staff/organizations/-2001", null, false)
                        .statusCode())
                .isEqualTo(409);
        assertThat(staff.send("DELETE", "/api/staff/users/-5", null, false).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDisabledAccountIsEnabledAgainWithAReasonByCustomerServiceOrASellerAdministrator() throws Exception {
        Tenant tenant = tenants.create();
        Client csr = new Client();
        csr.get("/api/me");
        csr.signIn("csr", "demo");
        assertThat(csr.send(
                                "POST",
                                "/api/csr/customers/" + tenant.adminId() + "/disable",
                                "{\"reason\":\"Ticket 900\"}",
                                true)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> noReason =
                csr.send("POST", "/api/csr/customers/" + tenant.adminId() + "/enable", "{\"reason\":\" \"}", true);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(body(noReason).at("/errors/0/field").asText()).isEqualTo("reason");
        HttpResponse<String> enabled = csr.send(
                "POST",
                "/api/csr/customers/" + tenant.adminId() + "/enable",
                "{\"reason\":\"Ticket 901: company verified\"}",
                true);
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(body(enabled).get("enabled").asBoolean()).isTrue();

        Client seller = new Client();
        seller.basic = "seller-admin:demo";
        assertThat(seller.send("POST", "/api/staff/users/" + tenant.buyerId() + "/enable", "{}", false)
                        .statusCode())
                .isEqualTo(400);
        assertThat(seller.send(
                                "POST",
                                "/api/staff/users/" + tenant.buyerId() + "/enable",
                                "{\"reason\":\"Ticket 902\"}",
                                false)
                        .statusCode())
                .isEqualTo(200);
        assertThat(seller.send("POST", "/api/staff/users/-5/enable", "{\"reason\":\"x\"}", false)
                        .statusCode())
                .isEqualTo(404);
        jobs.executeAll();

        assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(tenant.adminId())))
                .filteredOn(event -> event.getAction().equals("CUSTOMER_ENABLED"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getActor()).isEqualTo("csr");
                    assertThat(event.getReason()).isEqualTo("Ticket 901: company verified");
                });
        assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(tenant.buyerId())))
                .filteredOn(event -> event.getAction().equals("CUSTOMER_ENABLED"))
                .singleElement()
                .satisfies(event -> assertThat(event.getActor()).isEqualTo("seller-admin"));
        assertThat(TestSmtp.to(mail, tenant.admin() + "@example.com"))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("again", "Ticket 901: company verified"));
    }

    @Test
    void everyActionIsDocumentedInOpenApi() throws Exception {
        JsonNode paths = body(new Client().get("/v3/api-docs")).get("paths");
        assertThat(paths.has("/api/me")).isTrue();
        for (String path : List.of(
                "/api/me/organizations",
                "/api/me/organizations/{id}",
                "/api/me/organizations/{id}/buyers",
                "/api/me/buyers/{id}",
                "/api/me/buyers/{id}/roles",
                "/api/me/organizations/{id}/customer-service-history",
                "/api/csr/customers",
                "/api/csr/customers/{userId}/act-on-behalf",
                "/api/csr/customers/{userId}/disable",
                "/api/csr/customers/{userId}/enable",
                "/api/staff/users/{id}/enable",
                "/api/csr/on-behalf",
                "/api/staff/users/{id}/roles",
                "/api/staff/users/{id}",
                "/api/staff/organizations/{id}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    /** A script with a cookie jar, sending the XSRF-TOKEN cookie back raw in the X-XSRF-TOKEN header. */
    class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String basic;

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String logonId, String password) throws Exception {
            String form = "logonId=" + URLEncoder.encode(logonId, StandardCharsets.UTF_8) + "&logonPassword="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(
                    request("/store/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", xsrf())
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, String body, boolean withXsrf) throws Exception {
            HttpRequest.Builder builder = request(path)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (withXsrf && xsrf() != null) {
                builder.header("X-XSRF-TOKEN", xsrf());
            }
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (basic != null) {
                builder.header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            }
            return builder;
        }
    }
}
