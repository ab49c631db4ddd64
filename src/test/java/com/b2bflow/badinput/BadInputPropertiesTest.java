package com.b2bflow.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.B2bRegistrationApplication;
import com.b2bflow.badinput.BadInput.Field;
import com.b2bflow.member.Organization;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.support.TestDatabase;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad input over every public endpoint (issue 9, "Bad input"): oversized, empty, wrong JSON types, control
 * characters, injection strings, unicode oddities, malformed JSON, wrong content types, duplicated parameters, unknown
 * fields, over-long URLs and odd path ids. Every try must be answered with a 4xx (never a 5xx) that names the field, and must leave
 * the member, registration and process tables as they were.
 *
 * <p>jqwik properties cannot use Spring's JUnit extension, so the class starts the application itself (profile
 * {@code test}, database from {@link TestDatabase}: H2, or PostgreSQL with {@code -Dtest.database=postgres}) and talks
 * real HTTP to it. Tries are bounded and the seed is fixed ({@link #SEED}); the counts per endpoint are written to
 * {@code target/badinput/summary.json}.
 */
@net.jqwik.api.Tag(TestTiers.BAD_INPUT)
@net.jqwik.api.Tag(TestTiers.DATABASE)
class BadInputPropertiesTest {

    static final String SEED = "20261121";
    static final List<String> FLOWS =
            List.of("organization", "reseller", "buyer", "shop", "erp-approval", "shop-approval");
    static final Map<String, String> STOREFRONT_FORMS = Map.of(
            "organization",
            "/store/register/organization",
            "reseller",
            "/store/register/reseller",
            "buyer",
            "/store/register/buyer",
            "shop",
            "/store/register",
            "erp-approval",
            "/store/register/business",
            "shop-approval",
            "/store/register/shop-approval");
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext app;
    static HttpClient anonymous;
    static String base;
    static JdbcTemplate jdbc;
    static RuntimeService runtime;
    static String buyerOrganizationName;
    static Session buyerAdmin;
    static Session csr;
    static long adminOrganizationId;
    static long adminBuyerId;
    static final Map<String, Map<String, Integer>> SUMMARY = new TreeMap<>();

    @BeforeContainer
    static void start() throws Exception {
        app = new SpringApplicationBuilder(B2bRegistrationApplication.class)
                .profiles("test")
                .initializers(new TestDatabase())
                .bannerMode(Banner.Mode.OFF)
                .run(
                        "--server.port=0",
                        "--app.security.rate-limit.enabled=false",
                        "--server.servlet.session.cookie.secure=false");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        anonymous = client(null);
        jdbc = app.getBean(JdbcTemplate.class);
        runtime = app.getBean(RuntimeService.class);
        TestMembers members = app.getBean(TestMembers.class);
        Organization organization = members.buyerOrganization();
        buyerOrganizationName = organization.getName();
        adminOrganizationId = organization.getId();
        User admin = members.user(organization, Roles.BUYER_ADMINISTRATOR);
        adminBuyerId = members.user(organization, Roles.BUYER).getId();
        buyerAdmin = Session.signIn(admin.getLogonId(), TestRegistrations.PASSWORD);
        csr = Session.signIn("csr", "demo");
        // the generators' base requests are valid: one of each is accepted
        for (String flow : FLOWS) {
            HttpResponse<String> accepted =
                    postJson(anonymous, "/api/registrations/" + flow, JSON.writeValueAsString(validBody(flow)), null);
            assertThat(accepted.statusCode()).as(flow + ": " + accepted.body()).isEqualTo(201);
        }
    }

    @AfterContainer
    static void stop() throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("database", System.getProperty("test.database", "h2"));
        summary.put("seed", SEED);
        summary.put("endpoints", SUMMARY);
        summary.put(
                "totalTries",
                SUMMARY.values().stream()
                        .mapToInt(m -> m.getOrDefault("tries", 0))
                        .sum());
        Path out = Path.of("target", "badinput");
        Files.createDirectories(out);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        Files.writeString(out.resolve("summary.json"), text);
        Files.writeString(out.resolve("summary-" + summary.get("database") + ".json"), text);
        System.out.println("Bad input summary:\n" + text);
        if (app != null) {
            app.close();
        }
    }

    // ---------------------------------------------------------------- JSON registration API

    @Property(tries = 140, seed = SEED, shrinking = ShrinkingMode.OFF)
    void jsonRegistrationRefusesBadFields(
            @ForAll("flows") String flow,
            @ForAll("badFields") Map<Field, Object> bad,
            @ForAll("noise") Map<String, Object> noise)
            throws Exception {
        ObjectNode body = JSON.valueToTree(validBody(flow));
        noise.forEach((path, value) -> set(body, path, value));
        bad.forEach((field, value) -> set(body, field.path(), value));
        Set<String> named = bad.keySet().stream().map(Field::path).collect(Collectors.toSet());
        refused(
                "POST /api/registrations/{flow} (fields)",
                400,
                named,
                () -> postJson(anonymous, "/api/registrations/" + flow, JSON.writeValueAsString(body), null));
    }

    @Property(tries = 84, seed = SEED, shrinking = ShrinkingMode.OFF)
    void jsonRegistrationRefusesMalformedBodies(@ForAll("flows") String flow, @ForAll("malformation") String how)
            throws Exception {
        String valid = JSON.writeValueAsString(validBody(flow));
        byte[] body = malformed(how, valid);
        refused(
                "POST /api/registrations/{flow} (malformed JSON)",
                400,
                Set.of(),
                () -> send(
                        anonymous,
                        HttpRequest.newBuilder(uri("/api/registrations/" + flow))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    @Property(tries = 42, seed = SEED, shrinking = ShrinkingMode.OFF)
    void jsonRegistrationRefusesWrongContentTypes(@ForAll("flows") String flow, @ForAll("contentTypes") String type)
            throws Exception {
        String valid = JSON.writeValueAsString(validBody(flow));
        refused(
                "POST /api/registrations/{flow} (content type)",
                415,
                Set.of("Content-Type"),
                () -> postJson(anonymous, "/api/registrations/" + flow, valid, type));
    }

    @Property(tries = 42, seed = SEED, shrinking = ShrinkingMode.OFF)
    void registrationLookupRefusesOddIds(@ForAll("pathIds") String id) throws Exception {
        refused(
                "GET /api/registrations/{id}",
                Set.of(400, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        HttpRequest.newBuilder(uri("/api/registrations/" + id)).GET()));
        refused(
                "GET /store/registration/{id}",
                Set.of(400, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        HttpRequest.newBuilder(uri("/store/registration/" + id)).GET()));
    }

    @Property(tries = 14, seed = SEED, shrinking = ShrinkingMode.OFF)
    void unknownFlowsAreNotFound(@ForAll("pathIds") String flow) throws Exception {
        String valid = JSON.writeValueAsString(validBody("organization"));
        refused(
                "POST /api/registrations/{unknown flow}",
                Set.of(400, 404),
                Set.of(),
                () -> postJson(anonymous, "/api/registrations/" + flow, valid, null));
    }

    @Property(tries = 28, seed = SEED, shrinking = ShrinkingMode.OFF)
    void withdrawalRefusesBadInput(
            @ForAll("pathIds") String id, @ForAll("junk") Object logonId, @ForAll("junk") Object password)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        putUnlessAbsent(body, "logonId", logonId);
        putUnlessAbsent(body, "password", password);
        refused(
                "POST /api/registrations/{id}/withdraw",
                Set.of(400, 403, 404),
                Set.of(),
                () -> postJson(
                        anonymous, "/api/registrations/" + id + "/withdraw", JSON.writeValueAsString(body), null));
    }

    // ---------------------------------------------------------------- HCL-compatible URLs

    @Property(tries = 105, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hclRegistrationRefusesBadParameters(
            @ForAll("hclCommands") String command, @ForAll("badHclParameters") Map<String, List<String>> bad)
            throws Exception {
        Map<String, List<String>> parameters = hclBase();
        parameters.putAll(bad);
        refused(
                "POST /webapp/wcs/stores/servlet/*RegistrationAdd",
                400,
                bad.keySet(),
                () -> postForm(anonymous, "/webapp/wcs/stores/servlet/" + command, form(parameters), null));
    }

    @Property(tries = 21, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hclRegistrationRefusesWrongContentTypes(
            @ForAll("hclCommands") String command, @ForAll("contentTypes") String type) throws Exception {
        String body = type != null && type.startsWith("application/x-www-form-urlencoded") ? "{}" : form(hclBase());
        int expected = type != null && type.startsWith("application/x-www-form-urlencoded") ? 400 : 415;
        refused(
                "POST /webapp/wcs/stores/servlet/*RegistrationAdd (content type)",
                expected,
                Set.of(),
                () -> send(
                        anonymous,
                        withType(
                                        HttpRequest.newBuilder(uri("/webapp/wcs/stores/servlet/" + command)),
                                        type.equals("application/json") ? "text/plain" : type)
                                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    // ---------------------------------------------------------------- storefront forms

    @Property(tries = 70, seed = SEED, shrinking = ShrinkingMode.OFF)
    void storefrontFormsShowFieldErrors(@ForAll("flows") String flow, @ForAll("badFormFields") Map<Field, Object> bad)
            throws Exception {
        Map<String, List<String>> parameters = formBase(flow);
        bad.forEach((field, value) -> {
            if (value == BadInput.ABSENT) {
                parameters.remove(field.path());
            } else {
                parameters.put(field.path(), List.of(String.valueOf(value)));
            }
        });
        Session session = new Session();
        session.get("/store/login");
        Set<String> named = bad.keySet().stream().map(Field::path).collect(Collectors.toSet());
        refused(
                "POST " + STOREFRONT_FORMS.get(flow) + " (form)",
                400,
                named,
                () -> postForm(session.http, STOREFRONT_FORMS.get(flow), form(parameters), session.csrfToken()));
    }

    // ---------------------------------------------------------------- strict input: repeats, unknown fields, long URLs

    /** A repeated parameter is never joined into one value: a 400 problem detail names it (storefront and HCL). */
    @Property(tries = 28, seed = SEED, shrinking = ShrinkingMode.OFF)
    void repeatedFormParametersAreRefusedByName(
            @ForAll("flows") String flow, @ForAll("registrationFields") Field field, @ForAll boolean hcl)
            throws Exception {
        if (hcl) {
            Map<String, List<String>> parameters = hclBase();
            parameters.put(field.hcl(), List.of("Acme", "Acme"));
            problem(
                    "POST /webapp/wcs/stores/servlet/*RegistrationAdd (repeated parameter)",
                    field.hcl(),
                    () -> postForm(
                            anonymous, "/webapp/wcs/stores/servlet/BuyerRegistrationAdd", form(parameters), null));
            return;
        }
        Map<String, List<String>> parameters = formBase(flow);
        parameters.put(field.path(), List.of("Acme", "Other"));
        Session session = new Session();
        session.get("/store/login");
        problem(
                "POST " + STOREFRONT_FORMS.get(flow) + " (repeated parameter)",
                field.path(),
                () -> postForm(session.http, STOREFRONT_FORMS.get(flow), form(parameters), session.csrfToken()));
    }

    /** A JSON field the endpoint does not know (a typo, a mass-assignment attempt) is a 400 naming it. */
    @Property(tries = 42, seed = SEED, shrinking = ShrinkingMode.OFF)
    void unknownJsonFieldsAreRefusedByName(
            @ForAll("flows") String flow,
            @ForAll("unknownFields") String path,
            @ForAll("jsonEndpoints") String endpoint)
            throws Exception {
        switch (endpoint) {
            case "registration" -> {
                ObjectNode body = JSON.valueToTree(validBody(flow));
                set(body, path, true);
                problem(
                        "POST /api/registrations/{flow} (unknown field)",
                        path,
                        () -> postJson(anonymous, "/api/registrations/" + flow, JSON.writeValueAsString(body), null));
            }
            case "renewal" ->
                problem(
                        "POST /api/activation/renewal (unknown field)",
                        "role",
                        () -> postJson(
                                anonymous,
                                "/api/activation/renewal",
                                "{\"logonId\":\"nobody\",\"role\":\"admin\"}",
                                null));
            case "me" ->
                problem(
                        "PATCH /api/me/organizations/{id} (unknown field)",
                        "isAdmin",
                        () -> send(
                                buyerAdmin.http,
                                buyerAdmin
                                        .withCsrf(HttpRequest.newBuilder(
                                                uri("/api/me/organizations/" + adminOrganizationId)))
                                        .header("Content-Type", "application/json")
                                        .method(
                                                "PATCH",
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"description\":\"x\",\"isAdmin\":true}"))));
            default -> throw new IllegalArgumentException(endpoint);
        }
    }

    /** A URL over Tomcat's limit is a 400 problem detail naming the URL, not Tomcat's HTML error page. */
    @Property(tries = 14, seed = SEED, shrinking = ShrinkingMode.OFF)
    void overLongUrlsAreRefusedAsProblems(
            @ForAll("publicPaths") String path, @ForAll("urlLengths") int length, @ForAll boolean post)
            throws Exception {
        URI long_ = uri(path + "?q=" + "x".repeat(length));
        problem(
                (post ? "POST " : "GET ") + path + " (URL of " + length + " characters)",
                "url",
                () -> send(
                        anonymous,
                        post
                                ? HttpRequest.newBuilder(long_)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                                : HttpRequest.newBuilder(long_).GET()));
    }

    @Provide
    Arbitrary<Field> registrationFields() {
        return Arbitraries.of(BadInput.REGISTRATION_FIELDS);
    }

    @Provide
    Arbitrary<String> unknownFields() {
        return Arbitraries.of(
                "isAdmin",
                "user.roles",
                "organization.parentId",
                "user.enabled",
                "organization.id",
                "__proto__",
                "user.isAdmin",
                "address.geo",
                "organisation");
    }

    @Provide
    Arbitrary<String> jsonEndpoints() {
        return Arbitraries.of("registration", "registration", "renewal", "me");
    }

    @Provide
    Arbitrary<String> publicPaths() {
        return Arbitraries.of(
                "/api/registrations/organization",
                "/api/activation/renewal",
                "/store/register",
                "/store/login",
                "/webapp/wcs/stores/servlet/BuyerRegistrationAdd",
                "/api/me");
    }

    @Provide
    Arbitrary<Integer> urlLengths() {
        return Arbitraries.of(8_200, 20_000, 100_000);
    }

    /** A 400 problem detail (application/problem+json) that names the field, and nothing persisted. */
    static void problem(String endpoint, String field, Call call) throws Exception {
        HttpResponse<String> response = refused(endpoint, 400, Set.of(field), call);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(endpoint + " → " + response.body())
                .contains("application/problem+json");
    }

    // ---------------------------------------------------------------- activation and sign-in

    @Property(tries = 42, seed = SEED, shrinking = ShrinkingMode.OFF)
    void activationRefusesBadInput(
            @ForAll("junk") Object token, @ForAll("junk") Object password, @ForAll("junk") Object logonId)
            throws Exception {
        Map<String, Object> activation = new LinkedHashMap<>();
        putUnlessAbsent(activation, "token", token);
        putUnlessAbsent(activation, "password", password);
        putUnlessAbsent(activation, "passwordVerify", password);
        refused(
                "POST /api/activation",
                Set.of(400, 410),
                Set.of(),
                () -> postJson(anonymous, "/api/activation", JSON.writeValueAsString(activation), null));
        Map<String, Object> renewal = new LinkedHashMap<>();
        putUnlessAbsent(renewal, "logonId", logonId);
        refused(
                "POST /api/activation/renewal",
                Set.of(202, 400),
                Set.of(),
                () -> postJson(anonymous, "/api/activation/renewal", JSON.writeValueAsString(renewal), null));
        String text = token instanceof String s ? s : String.valueOf(token);
        refused(
                "GET /store/activate?token=",
                Set.of(400, 410),
                Set.of(),
                () -> send(
                        anonymous,
                        HttpRequest.newBuilder(uri("/store/activate?token=" + encode(text)))
                                .GET()));
        Session session = new Session();
        session.get("/store/login");
        Map<String, List<String>> page = new LinkedHashMap<>();
        page.put("token", List.of(text));
        page.put("password", List.of(String.valueOf(password)));
        page.put("passwordVerify", List.of(String.valueOf(password)));
        refused(
                "POST /store/activate (form)",
                Set.of(400, 410),
                Set.of(),
                () -> postForm(session.http, "/store/activate", form(page), session.csrfToken()));
        refused(
                "POST /store/activate/renewal (form)",
                Set.of(200, 400),
                Set.of(),
                () -> postForm(
                        session.http,
                        "/store/activate/renewal",
                        form(Map.of("identifier", List.of(String.valueOf(logonId)))),
                        session.csrfToken()));
    }

    @Property(tries = 21, seed = SEED, shrinking = ShrinkingMode.OFF)
    void signInRefusesBadInput(
            @ForAll("junk") Object logonId, @ForAll("junk") Object password, @ForAll boolean duplicate)
            throws Exception {
        Session session = new Session();
        session.get("/store/login");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (logonId != BadInput.ABSENT) {
            parameters.put(
                    "logonId", duplicate ? List.of(String.valueOf(logonId), "csr") : List.of(String.valueOf(logonId)));
        }
        if (password != BadInput.ABSENT) {
            parameters.put("logonPassword", List.of(String.valueOf(password)));
        }
        HttpResponse<String> response = refused(
                "POST /store/login",
                Set.of(302, 400),
                Set.of(),
                () -> postForm(session.http, "/store/login", form(parameters), session.csrfToken()));
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location").orElse("")).contains("/store/login?error=");
        }
    }

    // ---------------------------------------------------------------- buyer administration API (/api/me)

    /**
     * The junk is not always invalid for the field (a description may be {@code <script>}): a 2xx is allowed then; a
     * 400 must name the field, and a refused call persists nothing.
     */
    @Property(tries = 105, seed = SEED, shrinking = ShrinkingMode.OFF)
    void buyerAdminApiRefusesBadInput(
            @ForAll("meCalls") String call,
            @ForAll("junk") Object value,
            @ForAll("orgField") String orgField,
            @ForAll("buyerField") String buyerField)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (call) {
            case "createOrganization" -> {
                body.put("name", TestRegistrations.unique("sub"));
                body.put("parentId", adminOrganizationId);
                putUnlessAbsent(body, orgField, value);
                refused(
                        "POST /api/me/organizations",
                        Set.of(201, 400, 404, 409),
                        Set.of(orgField),
                        () -> postJson(
                                buyerAdmin.http,
                                "/api/me/organizations",
                                JSON.writeValueAsString(body),
                                null,
                                buyerAdmin.csrfToken()));
            }
            case "updateOrganization" -> {
                putUnlessAbsent(body, orgField.equals("name") ? "description" : orgField, value);
                refused(
                        "PATCH /api/me/organizations/{id}",
                        Set.of(200, 400, 403, 409),
                        body.keySet(),
                        () -> send(
                                buyerAdmin.http,
                                buyerAdmin
                                        .withCsrf(HttpRequest.newBuilder(
                                                uri("/api/me/organizations/" + adminOrganizationId)))
                                        .header("Content-Type", "application/json")
                                        .method(
                                                "PATCH",
                                                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
            }
            case "createBuyer" -> {
                String key = TestRegistrations.unique("nb");
                body.put("logonId", key);
                body.put("lastName", "New");
                body.put("email", key + "@example.com");
                body.put("roles", List.of(Roles.BUYER));
                if (value == BadInput.ABSENT) {
                    body.remove(buyerField);
                } else {
                    body.put(buyerField, value);
                }
                refused(
                        "POST /api/me/organizations/{id}/buyers",
                        Set.of(201, 400, 403, 409),
                        Set.of(buyerField),
                        () -> postJson(
                                buyerAdmin.http,
                                "/api/me/organizations/" + adminOrganizationId + "/buyers",
                                JSON.writeValueAsString(body),
                                null,
                                buyerAdmin.csrfToken()));
            }
            case "updateBuyer" -> {
                putUnlessAbsent(body, buyerField.equals("logonId") ? "firstName" : buyerField, value);
                refused(
                        "PATCH /api/me/buyers/{id}",
                        Set.of(200, 400, 403),
                        body.keySet(),
                        () -> send(
                                buyerAdmin.http,
                                buyerAdmin
                                        .withCsrf(HttpRequest.newBuilder(uri("/api/me/buyers/" + adminBuyerId)))
                                        .header("Content-Type", "application/json")
                                        .method(
                                                "PATCH",
                                                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
            }
            case "search" -> {
                String q = value instanceof String s ? s : String.valueOf(value);
                refused(
                        "GET /api/me/organizations/{id}/buyers?q=",
                        Set.of(200, 400),
                        Set.of(),
                        () -> send(
                                buyerAdmin.http,
                                HttpRequest.newBuilder(uri("/api/me/organizations/" + adminOrganizationId + "/buyers?q="
                                                + encode(q)))
                                        .GET()));
            }
            default -> throw new IllegalArgumentException(call);
        }
    }

    @Provide
    Arbitrary<String> buyerField() {
        return Arbitraries.of(
                "logonId",
                "firstName",
                "middleName",
                "lastName",
                "email",
                "phone",
                "preferredLanguage",
                "roles",
                "enabled");
    }

    @Property(tries = 28, seed = SEED, shrinking = ShrinkingMode.OFF)
    void buyerAdminApiRefusesOddPathIds(@ForAll("pathIds") String id, @ForAll("anyBodyMalformation") String how)
            throws Exception {
        for (String path : List.of("/api/me/organizations/", "/api/me/buyers/")) {
            refused(
                    "GET " + path + "{id}",
                    Set.of(400, 404),
                    Set.of(),
                    () -> send(
                            buyerAdmin.http,
                            HttpRequest.newBuilder(uri(path + id)).GET()));
        }
        refused(
                "GET /api/me/organizations?parentId=",
                Set.of(200, 400, 404),
                Set.of(),
                () -> send(
                        buyerAdmin.http,
                        HttpRequest.newBuilder(uri("/api/me/organizations?parentId=" + id))
                                .GET()));
        byte[] body = malformed(how, "{\"name\":\"x\",\"parentId\":" + adminOrganizationId + "}");
        refused(
                "POST /api/me/organizations (malformed JSON)",
                Set.of(400),
                Set.of(),
                () -> send(
                        buyerAdmin.http,
                        buyerAdmin
                                .withCsrf(HttpRequest.newBuilder(uri("/api/me/organizations")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
        refused(
                "POST /api/me/approvals/{id}",
                Set.of(400, 403, 404),
                Set.of(),
                () -> postJson(
                        buyerAdmin.http,
                        "/api/me/approvals/" + id,
                        "{\"approved\":\"maybe\"}",
                        null,
                        buyerAdmin.csrfToken()));
        refused(
                "PUT /api/me/organizations/{id}/approvers/{userId}",
                Set.of(400, 403, 404),
                Set.of(),
                () -> send(
                        buyerAdmin.http,
                        buyerAdmin
                                .withCsrf(HttpRequest.newBuilder(
                                        uri("/api/me/organizations/" + adminOrganizationId + "/approvers/" + id)))
                                .PUT(HttpRequest.BodyPublishers.noBody())));
    }

    // ---------------------------------------------------------------- customer service API (staff session)

    @Property(tries = 42, seed = SEED, shrinking = ShrinkingMode.OFF)
    void customerServiceApiRefusesBadInput(@ForAll("pathIds") String id, @ForAll("junk") Object reason)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        putUnlessAbsent(body, "reason", reason);
        refused(
                "POST /api/csr/customers/{userId}/disable",
                Set.of(400, 403, 404),
                Set.of(),
                () -> postJson(
                        csr.http,
                        "/api/csr/customers/" + id + "/disable",
                        JSON.writeValueAsString(body),
                        null,
                        csr.csrfToken()));
        refused(
                "POST /api/csr/customers/{userId}/act-on-behalf",
                Set.of(400, 403, 404),
                Set.of(),
                () -> postJson(
                        csr.http,
                        "/api/csr/customers/" + id + "/act-on-behalf",
                        JSON.writeValueAsString(body),
                        null,
                        csr.csrfToken()));
        String q = reason instanceof String s ? s : String.valueOf(reason);
        refused(
                "GET /api/csr/customers?q=",
                Set.of(200, 400),
                Set.of(),
                () -> send(
                        csr.http,
                        HttpRequest.newBuilder(uri("/api/csr/customers?q=" + encode(q)))
                                .GET()));
    }

    // ---------------------------------------------------------------- ERP integration and staff API (HTTP Basic)

    @Property(tries = 35, seed = SEED, shrinking = ShrinkingMode.OFF)
    void erpIntegrationRefusesBadFields(@ForAll("badErpFields") Map<Field, Object> bad) throws Exception {
        ObjectNode body = JSON.valueToTree(com.b2bflow.support.CloudSuiteRequests.erpCustomer(false));
        body.withObject("/user").remove("password");
        bad.forEach((field, value) -> set(body, field.path(), value));
        Set<String> named = bad.keySet().stream().map(Field::path).collect(Collectors.toSet());
        refused(
                "POST /api/integration/customers (fields)",
                400,
                named,
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/integration/customers")), "erp-integration")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    @Property(tries = 14, seed = SEED, shrinking = ShrinkingMode.OFF)
    void staffApiRefusesBadInput(
            @ForAll("pathIds") String id, @ForAll("junk") Object roles, @ForAll("anyBodyMalformation") String how)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        putUnlessAbsent(body, "roles", roles);
        refused(
                "PUT /api/staff/users/{id}/roles",
                Set.of(400, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/staff/users/" + id + "/roles")), "seller-admin")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
        refused(
                "PUT /api/staff/users/{id}/roles (malformed JSON)",
                Set.of(400),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(
                                        HttpRequest.newBuilder(uri("/api/staff/users/" + adminBuyerId + "/roles")),
                                        "seller-admin")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                                        malformed(how, "{\"roles\":[\"Buyer\"]}")))));
        refused(
                "GET /api/staff/users/{id}/data",
                Set.of(400, 403, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/staff/users/" + id + "/data")), "site-admin")
                                .GET()));
        refused(
                "DELETE /api/staff/users/{id}/personal-data",
                Set.of(400, 403, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/staff/users/" + id + "/personal-data")), "site-admin")
                                .DELETE()));
        refused(
                "DELETE /api/staff/users/{id}",
                Set.of(400, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/staff/users/" + id)), "seller-admin")
                                .DELETE()));
        refused(
                "DELETE /api/staff/organizations/{id}",
                Set.of(400, 404),
                Set.of(),
                () -> send(
                        anonymous,
                        basic(HttpRequest.newBuilder(uri("/api/staff/organizations/" + id)), "seller-admin")
                                .DELETE()));
    }

    static HttpRequest.Builder basic(HttpRequest.Builder request, String staffUser) {
        return request.header(
                "Authorization",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((staffUser + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<Map<Field, Object>> badErpFields() {
        Arbitrary<Tuple.Tuple2<Field, Object>> one = Arbitraries.of(BadInput.REGISTRATION_FIELDS.stream()
                        .filter(f -> f.kind() != BadInput.Kind.PASSWORD)
                        .toList())
                .flatMap(field -> BadInput.invalid(field, false).map(value -> Tuple.of(field, value)));
        return one.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements(Tuple.Tuple2::get1)
                .map(list -> {
                    Map<Field, Object> map = new LinkedHashMap<>();
                    list.forEach(t -> map.put(t.get1(), t.get2()));
                    return map;
                });
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> flows() {
        return Arbitraries.of(FLOWS);
    }

    @Provide
    Arbitrary<String> hclCommands() {
        return Arbitraries.of("BuyerRegistrationAdd", "ResellerRegistrationAdd");
    }

    /** One to three fields of the registration, each with a value that it must refuse. */
    @Provide
    Arbitrary<Map<Field, Object>> badFields() {
        return badFields(false);
    }

    @Provide
    Arbitrary<Map<Field, Object>> badFormFields() {
        return badFields(true);
    }

    private static Arbitrary<Map<Field, Object>> badFields(boolean textOnly) {
        Arbitrary<Tuple.Tuple2<Field, Object>> one = Arbitraries.of(BadInput.REGISTRATION_FIELDS)
                .flatMap(field -> BadInput.invalid(field, textOnly).map(value -> Tuple.of(field, value)));
        return one.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements(Tuple.Tuple2::get1)
                .map(list -> {
                    Map<Field, Object> map = new LinkedHashMap<>();
                    list.forEach(t -> map.put(t.get1(), t.get2()));
                    return map;
                });
    }

    /** Odd but allowed values in free-text fields. */
    @Provide
    Arbitrary<Map<String, Object>> noise() {
        Arbitrary<Tuple.Tuple2<String, Object>> text = Arbitraries.of(BadInput.REGISTRATION_FIELDS.stream()
                        .filter(f -> f.kind() == BadInput.Kind.TEXT || f.kind() == BadInput.Kind.MULTILINE)
                        .toList())
                .flatMap(f -> BadInput.noise(f).map(v -> Tuple.of(f.path(), (Object) v)));
        return text.list().ofMaxSize(2).map(list -> {
            Map<String, Object> map = new LinkedHashMap<>();
            list.forEach(t -> map.put(t.get1(), t.get2()));
            return map;
        });
    }

    @Provide
    Arbitrary<String> malformation() {
        return Arbitraries.of(
                "truncated",
                "trailing-garbage",
                "trailing-object",
                "deeply-nested",
                "empty",
                "null",
                "number",
                "array",
                "string",
                "duplicate-key",
                "invalid-utf8",
                "xml",
                "form",
                "nul-byte",
                "wrong-type-organization",
                "wrong-type-user",
                "wrong-type-address",
                "huge-number",
                "comments",
                "single-quotes");
    }

    /** Malformations that break any body (the others rewrite parts of a registration). */
    @Provide
    Arbitrary<String> anyBodyMalformation() {
        return Arbitraries.of(
                "truncated",
                "trailing-garbage",
                "trailing-object",
                "deeply-nested",
                "empty",
                "null",
                "number",
                "array",
                "string",
                "invalid-utf8",
                "xml",
                "form",
                "nul-byte",
                "comments",
                "single-quotes");
    }

    static byte[] malformed(String how, String valid) {
        String text = switch (how) {
            case "truncated" -> valid.substring(0, valid.length() / 2);
            case "trailing-garbage" -> valid + "garbage";
            case "trailing-object" -> valid + "{}";
            case "deeply-nested" -> "{\"organization\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            case "empty" -> "";
            case "null" -> "null";
            case "number" -> "42";
            case "array" -> "[" + valid + "]";
            case "string" -> JSON_STRING(valid);
            case "duplicate-key" -> valid.replaceFirst("\\{", "{\"organization\":{\"name\":\"First\"},");
            case "xml" -> "<registration><organization name=\"x\"/></registration>";
            case "form" -> "organization.name=x&user.logonId=y";
            case "nul-byte" -> valid.replaceFirst("\\{", "{\u0000");
            case "wrong-type-organization" ->
                valid.replaceFirst("\"organization\":\\{", "\"organization\":[{")
                        .replaceFirst("\\},\"user\"", "}],\"user\"");
            case "wrong-type-user" -> valid.replaceFirst("\"user\":\\{[^}]*\\}", "\"user\":\"someone\"");
            case "wrong-type-address" -> valid.replaceFirst("\"address\":(\\{[^}]*\\}|null)", "\"address\":42");
            case "huge-number" -> valid.replaceFirst("\\{", "{\"previousRegistrationId\":1" + "0".repeat(5000) + ",");
            case "comments" -> "/* hi */" + valid;
            case "single-quotes" -> valid.replace('"', '\'');
            case "invalid-utf8" -> valid;
            default -> throw new IllegalArgumentException(how);
        };
        if (how.equals("invalid-utf8")) {
            byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
            int at = valid.indexOf("Main Street") > 0 ? valid.indexOf("Main Street") : valid.length() / 2;
            byte[] broken = bytes.clone();
            broken[at] = (byte) 0xC3;
            broken[at + 1] = (byte) 0x28;
            return broken;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String JSON_STRING(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=xyz",
                "application/x-www-form-urlencoded",
                "NONE",
                "garbage",
                "application/json-patch+json",
                "text/html; charset=utf-8",
                "application/octet-stream",
                "application/json; charset=no-such-charset");
    }

    @Provide
    Arbitrary<String> pathIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "abc",
                        "-1",
                        "0",
                        "9223372036854775807",
                        "9223372036854775808",
                        "99999999999999999999999999",
                        "1e10",
                        "0x10",
                        "NaN",
                        "null",
                        "undefined",
                        "%20",
                        "%00",
                        "%0d%0a",
                        "..%2F..%2Fetc",
                        "%3Cscript%3E",
                        "%27%3B%20drop%20table",
                        "%24%7B7*7%7D",
                        "1.5",
                        "%C3%BC",
                        "%F0%9F%98%80",
                        "1%2C2",
                        "%E2%80%AE",
                        "%3B",
                        "1.0"),
                Arbitraries.of(300, 5_000, 20_000).map("9"::repeat));
    }

    /** Anything a client may send where a string is expected: absent, null, blank, huge, odd, or another type. */
    @Provide
    Arbitrary<Object> junk() {
        return Arbitraries.oneOf(
                Arbitraries.of(BadInput.ABSENT, null, "", " ", "\t"),
                Arbitraries.of(100, 10_000, 1_000_000).map("y"::repeat),
                Arbitraries.of(BadInput.INJECTION),
                Arbitraries.of(BadInput.UNICODE),
                BadInput.withControl(false),
                Arbitraries.of(List.of("a", "b"), Map.of("token", "x"), 42, -1, true, 1.5e308));
    }

    @Provide
    Arbitrary<String> meCalls() {
        return Arbitraries.of("createOrganization", "updateOrganization", "createBuyer", "updateBuyer", "search");
    }

    @Provide
    Arbitrary<String> orgField() {
        return Arbitraries.of("name", "parentId", "description", "businessCategory", "taxId", "emailDomain", "address");
    }

    /** HCL parameters: bad values of known ones, duplicates, unknown and forbidden parameters. */
    @Provide
    Arbitrary<Map<String, List<String>>> badHclParameters() {
        Arbitrary<Tuple.Tuple2<String, List<String>>> badValue = Arbitraries.of(BadInput.REGISTRATION_FIELDS)
                .flatMap(field -> BadInput.invalid(field, true)
                        .map(value -> Tuple.of(
                                field.hcl(),
                                value == BadInput.ABSENT || value == null
                                        ? List.of("")
                                        : List.of(String.valueOf(value)))))
                // HCL requires no last name and no email (seeds 002, 003): blank ones are accepted there
                .filter(bad -> !(BadInput.OPTIONAL_IN_HCL.contains(bad.get1())
                        && bad.get2().get(0).isBlank()));
        Arbitrary<Tuple.Tuple2<String, List<String>>> duplicate =
                Arbitraries.of(BadInput.REGISTRATION_FIELDS).map(field -> Tuple.of(field.hcl(), List.of("Dup", "Dup")));
        Arbitrary<Tuple.Tuple2<String, List<String>>> unknown = Arbitraries.of(
                        "usr_isAdmin",
                        "org_id",
                        "usr_roles",
                        "storeid",
                        "usr_logonid",
                        "usr_logonId ",
                        "x".repeat(300),
                        "usr_\u0000",
                        "usr_registerType")
                .map(name -> Tuple.of(name, List.of("1")));
        Arbitrary<Tuple.Tuple2<String, List<String>>> forbidden = Arbitraries.of(
                        "usr_parentMember",
                        "org_parentMember",
                        "org_administratorFirstName",
                        "org_administratorLastName",
                        "org_administratorMiddleName",
                        "org_orgEntityType")
                .map(name -> Tuple.of(name, List.of("-2001")));
        Arbitrary<Tuple.Tuple2<String, List<String>>> view = Arbitraries.of(
                        "http://evil.example", "//evil.example", "javascript:alert(1)", "../LogonForm", "")
                .map(url -> Tuple.of("URL", List.of(url)));
        return Arbitraries.oneOf(badValue, duplicate, unknown, forbidden, view)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements(Tuple.Tuple2::get1)
                .map(list -> {
                    Map<String, List<String>> map = new LinkedHashMap<>();
                    list.forEach(t -> map.put(t.get1(), t.get2()));
                    return map;
                });
    }

    // ---------------------------------------------------------------- valid bases

    static Map<String, Object> validBody(String flow) {
        var request = switch (flow) {
            case "buyer" -> TestRegistrations.buyer(buyerOrganizationName);
            case "shop", "erp-approval", "shop-approval" -> com.b2bflow.support.CloudSuiteRequests.company();
            default -> TestRegistrations.organization();
        };
        Map<String, Object> body = TestRegistrations.body(request);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) body.get("organization");
        organization.put("taxId", request.organization().taxId());
        organization.put("emailDomain", request.organization().emailDomain());
        return body;
    }

    static Map<String, List<String>> formBase(String flow) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        flatten("", JSON.valueToTree(validBody(flow)), parameters);
        return parameters;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> into) {
        node.fields().forEachRemaining(entry -> {
            String name = prefix + entry.getKey();
            if (entry.getValue().isObject()) {
                flatten(name + ".", entry.getValue(), into);
            } else if (!entry.getValue().isNull()) {
                into.put(name, List.of(entry.getValue().asText()));
            }
        });
    }

    static Map<String, List<String>> hclBase() {
        String key = TestRegistrations.unique("hcl");
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("storeId", List.of("10001"));
        p.put("org_orgEntityName", List.of(key + " Corp"));
        p.put("org_city", List.of("Berlin"));
        p.put("org_country", List.of("Germany"));
        p.put("usr_logonId", List.of(key));
        p.put("usr_logonPassword", List.of(TestRegistrations.PASSWORD));
        p.put("usr_logonPasswordVerify", List.of(TestRegistrations.PASSWORD));
        p.put("usr_lastName", List.of("Buyer"));
        p.put("usr_email1", List.of(key + "@" + key + ".example.com"));
        return p;
    }

    // ---------------------------------------------------------------- checking a try

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    static HttpResponse<String> refused(String endpoint, int status, Set<String> fields, Call call) throws Exception {
        return refused(endpoint, Set.of(status), fields, call);
    }

    /**
     * Sends one bad request: the answer is one of the expected statuses (never a 5xx), a 400 names one of the given
     * fields (if any are given), and nothing was persisted.
     */
    static HttpResponse<String> refused(String endpoint, Set<Integer> statuses, Set<String> fields, Call call)
            throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> response = call.send();
        int status = response.statusCode();
        record(endpoint, status);
        String body = response.body() == null ? "" : response.body();
        String shown = status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        assertThat(status).as("never a 5xx: " + endpoint + " → " + shown).isLessThan(500);
        assertThat(statuses).as(endpoint + " → " + shown).contains(status);
        boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
        if (status == 400 && json) {
            assertThat(namedFields(response))
                    .as(endpoint + ": a 400 names what is wrong → " + shown)
                    .isNotEmpty();
        }
        if (status == 400 && !fields.isEmpty()) {
            Set<String> named = namedFields(response);
            // a field, or a part of it ("address.token": an unknown field inside the bad address)
            assertThat(named)
                    .as(endpoint + ": the answer names one of " + fields + " → " + shown)
                    .anyMatch(name -> fields.stream()
                            .anyMatch(field -> name.equals(field)
                                    || name.startsWith(field + ".")
                                    || name.startsWith(field + "[")));
        }
        if (status >= 400) {
            assertThat(counts()).as(endpoint + ": nothing persisted → " + shown).isEqualTo(before);
        }
        return response;
    }

    /** JSON problems name fields in errors[].field; storefront pages link each error to its field (#field). */
    static Set<String> namedFields(HttpResponse<String> response) throws IOException {
        Set<String> named = new HashSet<>();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            JsonNode errors = JSON.readTree(response.body()).path("errors");
            errors.forEach(error -> named.add(error.path("field").asText()));
        } else {
            var matcher = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(response.body());
            while (matcher.find()) {
                named.add(matcher.group(1));
            }
        }
        return named;
    }

    static synchronized void record(String endpoint, int status) {
        Map<String, Integer> tally = SUMMARY.computeIfAbsent(endpoint, key -> new TreeMap<>());
        tally.merge("tries", 1, Integer::sum);
        tally.merge(String.valueOf(status), 1, Integer::sum);
    }

    static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of(
                "member_user",
                "organization",
                "registration",
                "address",
                "role_assignment",
                "activation_token",
                "account")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("process instances", runtime.createProcessInstanceQuery().count());
        return counts;
    }

    // ---------------------------------------------------------------- HTTP

    static HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    static URI uri(String path) {
        return URI.create(base + path);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A kept-alive connection the server closed just as the request left: not one byte came back, so the
            // client retries on a new connection (it does so itself for GET only). refused() still checks that
            // nothing was persisted, so a request the server had processed would show.
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    static HttpRequest.Builder withType(HttpRequest.Builder request, String type) {
        return type == null || type.equals("NONE") ? request : request.header("Content-Type", type);
    }

    static HttpResponse<String> postJson(HttpClient http, String path, String body, String type) throws Exception {
        return postJson(http, path, body, type, null);
    }

    static HttpResponse<String> postJson(HttpClient http, String path, String body, String type, String csrf)
            throws Exception {
        HttpRequest.Builder request = withType(
                        HttpRequest.newBuilder(uri(path)), type == null ? "application/json" : type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return send(http, request);
    }

    static HttpResponse<String> postForm(HttpClient http, String path, String body, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return send(http, request);
    }

    static String form(Map<String, List<String>> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        return String.join("&", pairs);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void putUnlessAbsent(Map<String, Object> body, String key, Object value) {
        if (value != BadInput.ABSENT) {
            body.put(key, value);
        }
    }

    /** Sets a dotted path in a JSON object; ABSENT removes the key. */
    static void set(ObjectNode body, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (value == BadInput.ABSENT) {
            node.remove(last);
        } else {
            node.set(last, JSON.valueToTree(value));
        }
    }

    /** A browser-like client with cookies; writes send the XSRF-TOKEN cookie back in X-XSRF-TOKEN. */
    static final class Session {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = client(cookies);

        static Session signIn(String logonId, String password) throws Exception {
            Session session = new Session();
            session.get("/store/login");
            HttpResponse<String> signedIn = postForm(
                    session.http,
                    "/store/login",
                    form(Map.of("logonId", List.of(logonId), "logonPassword", List.of(password))),
                    session.csrfToken());
            assertThat(signedIn.headers().firstValue("Location").orElse(""))
                    .as("signed in " + logonId)
                    .doesNotContain("error");
            return session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(http, HttpRequest.newBuilder(uri(path)).GET());
        }

        String csrfToken() throws Exception {
            String token = cookie();
            if (token == null) {
                get("/store/login");
                token = cookie();
            }
            return token;
        }

        private String cookie() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .filter(v -> !v.isEmpty())
                    .findFirst()
                    .orElse(null);
        }

        HttpRequest.Builder withCsrf(HttpRequest.Builder request) throws Exception {
            return request.header("X-XSRF-TOKEN", csrfToken());
        }
    }
}
