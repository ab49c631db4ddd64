package com.b2bflow.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.account.ContractView;
import com.b2bflow.account.OrderingStatus;
import com.b2bflow.approval.PendingApproval;
import com.b2bflow.buyeradmin.BuyerChanges;
import com.b2bflow.buyeradmin.BuyerView;
import com.b2bflow.buyeradmin.CustomerServiceEvent;
import com.b2bflow.buyeradmin.InvitationAcceptance.InvitationLink;
import com.b2bflow.buyeradmin.InvitationView;
import com.b2bflow.buyeradmin.NewBuyer;
import com.b2bflow.buyeradmin.OrganizationChanges;
import com.b2bflow.buyeradmin.OrganizationView;
import com.b2bflow.buyeradmin.ReadableHistory;
import com.b2bflow.customerservice.CustomerView;
import com.b2bflow.member.AddressData;
import com.b2bflow.notification.DemoMailbox;
import com.b2bflow.registration.RegistrationStatus;
import com.b2bflow.registration.hcl.HclErrorPageExample;
import com.b2bflow.support.BothLanguages;
import com.b2bflow.support.PageRendering;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every storefront page rendered in English and German through Spring MVC's Thymeleaf view, with a model as its
 * controller builds it: no missing message, no English text on the German page. Unit level: the templates, the
 * message files and the security dialect, no application context.
 */
class StorefrontPagesInBothLanguagesTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-07T09:30:00Z");
    /** Test data that is the same in both languages (names, ids, addresses). */
    private static final List<String> DATA = List.of(
            "Jane Doe",
            "Jane",
            "jdoe",
            "jane@example.com",
            "ACME Corp",
            "ACME",
            "Purchasing",
            "reg-42",
            "ticket 42",
            "Casey",
            "csr",
            "Ada Buyer",
            "ada",
            "Buyer Administrator",
            "Buyer",
            "Registration Approver",
            "Main St 1",
            "Berlin",
            "Widgets",
            "Frame contract",
            "ACME account",
            "example.com",
            "DE123",
            "+49 30 1234",
            "DE",
            "seller-admins",
            "Sam Staff",
            HclErrorPageExample.UNKNOWN_PARAMETER,
            // ISO 4217 codes, the same in every language
            "EUR",
            "USD",
            "GBP",
            "CHF");

    /** The test data, and what is the same in both languages: country names such as "Kanada", language names. */
    private static final List<String> KNOWN = Stream.concat(DATA.stream(), BothLanguages.countriesNamedAlike().stream())
            .toList();

    private static PageRendering renderer;

    @BeforeAll
    static void start() {
        renderer = new PageRendering();
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static Stream<Arguments> models() {
        List<Arguments> pages = new ArrayList<>();
        for (String flow : List.of("organization", "reseller", "buyer")) {
            pages.add(page(
                    "register " + flow,
                    "store/register",
                    Map.of(
                            "page",
                            RegistrationPage.PAGES.get(flow),
                            "errors",
                            Map.of("user.logonId", "x", "consentVersion", "x"),
                            "correcting",
                            true,
                            "rejectionReason",
                            "ticket 42")));
        }
        for (String flow : List.of("shop", "erp-approval", "shop-approval")) {
            pages.add(page(
                    "register company " + flow,
                    "store/register-company",
                    Map.of("flow", flow, "notCorrectable", true)));
        }
        for (String state : List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN")) {
            pages.add(page(
                    "registration " + state,
                    "store/registration-status",
                    Map.of(
                            "registration",
                            new RegistrationStatus(
                                    "reg-42",
                                    "organization",
                                    state,
                                    null,
                                    1L,
                                    null,
                                    "ticket 42",
                                    SUBMITTED,
                                    null,
                                    null,
                                    state.equals("REJECTED") ? "reg-43" : null),
                            "withdrawError",
                            "status.withdraw.wrongCredentials")));
        }
        for (String view : List.of("form", "done", "renewal", "renewalRequested")) {
            pages.add(page(
                    "activate " + view,
                    "store/activate",
                    Map.of(
                            "view",
                            view,
                            "displayName",
                            "Jane Doe",
                            "logonId",
                            "jdoe",
                            "token",
                            "t",
                            "errors",
                            Map.of("password", "x"))));
        }
        for (String reason : List.of("UNKNOWN", "USED", "EXPIRED")) {
            pages.add(page("activation link " + reason, "store/activate", Map.of("view", "gone", "reason", reason)));
        }
        for (String view : List.of("request", "requested", "form", "done")) {
            pages.add(page(
                    "password reset " + view,
                    "store/password-reset",
                    Map.of("view", view, "logonId", "jdoe", "token", "t")));
        }
        for (String reason : List.of("UNKNOWN", "USED", "EXPIRED")) {
            pages.add(page(
                    "password reset link " + reason, "store/password-reset", Map.of("view", "gone", "reason", reason)));
        }
        pages.add(page(
                "approvals",
                "store/approvals",
                Map.of(
                        "approvals",
                        List.of(new PendingApproval(
                                "reg-42", 1, "ACME", "Jane Doe", "jdoe", "jane@example.com", SUBMITTED)),
                        "decided",
                        "APPROVED",
                        "failure",
                        "approvals.failure.reasonMissing")));
        pages.add(page("no approvals", "store/approvals", Map.of("approvals", List.of(), "decided", "REJECTED")));
        pages.add(page(
                "my account",
                "store/account",
                Map.of("account", myAccount(), "administrator", true, "mayChangePassword", true)));
        ProfileView profile =
                new ProfileView("jdoe", "jane@example.com", "Jane", null, "Doe", "+49 30 1234", "de", "EUR", true);
        for (boolean onBehalf : List.of(false, true)) {
            pages.add(page(
                    "profile" + (onBehalf ? " on behalf" : ""),
                    "store/profile",
                    Map.of(
                            "profile",
                            profile,
                            "form",
                            profile.asChanges(),
                            "currencies",
                            MyProfile.CURRENCIES,
                            "mayChangeConsent",
                            !onBehalf,
                            "mayChangePassword",
                            !onBehalf,
                            "errors",
                            Map.of("phone", "x"))));
        }
        pages.add(page(
                "change password",
                "store/password",
                Map.of("minLength", 12, "maxLength", 64, "errors", Map.of("currentPassword", "x"))));
        pages.add(page(
                "staff home",
                "staff/console/home",
                Map.of(
                        "staff",
                        Map.of("displayName", "Sam Staff", "groups", List.of("seller-admins")),
                        "groups",
                        List.of("seller-admins"),
                        "consoleMenu",
                        new com.b2bflow.console.ConsoleMenu(true, true, true, true, true, true),
                        "mailboxAvailable",
                        true)));
        pages.add(page(
                "demo mailbox",
                "staff/mailbox",
                Map.of(
                        "messages",
                        List.of(new DemoMailbox.ReceivedMail(
                                java.util.Date.from(SUBMITTED),
                                "Jane Doe <jane@example.com>",
                                "jane@example.com",
                                "ACME",
                                "ticket 42",
                                null)))));
        pages.add(page("empty demo mailbox", "staff/mailbox", Map.of("messages", List.of())));
        pages.add(page("sign-in", "store/login", Map.of()));
        pages.add(page("HCL registration form after an error", "store/hcl-register", HclErrorPageExample.model()));
        pages.add(page("choose a registration", "store/register-choose", Map.of()));
        pages.add(page("refused", "store/refused", Map.of("messageKey", "access.refused.forbidden", "status", 403)));
        pages.add(page("organizations", "store/organizations", organizations()));
        pages.add(page(
                "organization form",
                "store/organization-form",
                Map.of(
                        "form",
                        new OrganizationChanges("ACME", 1L, null, null, null, null, null),
                        "parent",
                        organization())));
        pages.add(page(
                "buyer",
                "store/buyer",
                Map.of(
                        "buyer",
                        buyer(),
                        "form",
                        new BuyerChanges("Jane", null, "Doe", "jane@example.com", null, "de", true, List.of("Buyer")),
                        "actorUserId",
                        1L)));
        pages.add(page(
                "new buyer",
                "store/buyer-new",
                Map.of(
                        "organization",
                        organization(),
                        "form",
                        new NewBuyer("jdoe", "Jane", null, "Doe", "jane@example.com", null, "de", List.of("Buyer")),
                        "selectableRoles",
                        List.of("Buyer", "Buyer Administrator"),
                        "errors",
                        Map.of("roles", "x"))));
        pages.add(page(
                "invitations",
                "store/invitations",
                Map.of("organization", organization(), "invitations", List.of(invitation()))));
        pages.add(page(
                "invitation",
                "store/invitation",
                Map.of(
                        "invitation",
                        new InvitationLink("ACME", "jane@example.com", SUBMITTED),
                        "token",
                        "t",
                        "errors",
                        Map.of("consentVersion", "x"))));
        pages.add(page(
                "customer service",
                "store/customer-service",
                Map.of(
                        "customers",
                        List.of(new CustomerView(
                                7,
                                "ada",
                                "Ada Buyer",
                                "jane@example.com",
                                1,
                                "ACME",
                                List.of("Buyer Administrator"),
                                true,
                                true,
                                "APPROVED")),
                        "q",
                        "ada",
                        "searched",
                        true)));
        pages.add(page(
                "customer service history",
                "store/customer-service-history",
                Map.of(
                        "events",
                        List.of(new ReadableHistory.Row(
                                new CustomerServiceEvent(
                                        1,
                                        SUBMITTED,
                                        "csr",
                                        "ada",
                                        "ticket 42",
                                        "BUYER_UPDATED",
                                        "User",
                                        "7",
                                        1L,
                                        null),
                                "Casey",
                                "Ada Buyer",
                                "Jane Doe (jdoe)",
                                List.of(
                                        new ReadableHistory.Change("email", "a@example.com", "jane@example.com"),
                                        new ReadableHistory.Change("enabled", "true", "false"),
                                        new ReadableHistory.Change("state", "PENDING", "APPROVED"),
                                        new ReadableHistory.Change("roles", "Buyer", "Buyer, Buyer Approver")))))));
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void speaksGermanWhereItSpeaksEnglish(String what, String template, Map<String, Object> model) throws Exception {
        String english = render(template, model, Locale.ENGLISH);
        String german = render(template, model, Locale.GERMAN);
        BothLanguages.assertGerman(what, english, german, KNOWN);
        assertThat(german).contains("lang=\"de\"");
    }

    @Test
    void everyStorefrontTemplateIsRenderedAbove() throws Exception {
        List<String> covered = models().map(arguments -> (String) arguments.get()[1])
                .distinct()
                .toList();
        List<String> templates = Stream.of(
                        new PathMatchingResourcePatternResolver().getResources("classpath*:/templates/store/*.html"))
                .map(resource -> "store/" + resource.getFilename().replace(".html", ""))
                // the flash fragment is rendered inside pages
                .filter(name -> !name.equals("store/messages"))
                .toList();
        assertThat(covered).containsAll(templates);
    }

    private static String render(String template, Map<String, Object> model, Locale locale) throws Exception {
        return renderer.render(template, model, locale);
    }

    private static Arguments page(String what, String template, Map<String, Object> model) {
        return Arguments.of(what, template, model);
    }

    private static MyAccount myAccount() {
        return new MyAccount(
                1,
                "jdoe",
                "Jane Doe",
                1,
                "ACME",
                "APPROVED",
                List.of("Buyer Administrator"),
                false,
                OrderingStatus.Reason.CONTRACT_NOT_STARTED,
                LocalDate.of(2027, 1, 1),
                List.of(new ContractView(
                        1,
                        1,
                        "ACME",
                        "ACME account",
                        "Frame contract",
                        "net 30",
                        LocalDate.of(2027, 1, 1),
                        null,
                        null,
                        false)));
    }

    private static OrganizationView organization() {
        return new OrganizationView(
                1,
                null,
                "ACME",
                "O",
                "APPROVED",
                "Widgets",
                "Widgets",
                "DE123",
                "example.com",
                new AddressData("Main St 1", null, "Berlin", null, "10115", "DE", null),
                0);
    }

    private static Map<String, Object> organizations() {
        return Map.of(
                "tree", List.of(organization()),
                "selected", organization(),
                "path", List.of(organization()),
                "buyers", List.of(buyer()),
                "actorUserId", 1L);
    }

    private static BuyerView buyer() {
        return new BuyerView(
                7,
                "jdoe",
                "Jane",
                null,
                "Doe",
                "jane@example.com",
                "+49 30 1234",
                "de",
                true,
                "APPROVED",
                List.of("Buyer"),
                1,
                "ACME",
                true,
                SUBMITTED,
                SUBMITTED);
    }

    private static InvitationView invitation() {
        return new InvitationView(
                3,
                1,
                "jane@example.com",
                com.b2bflow.buyeradmin.InvitationState.PENDING,
                "Jane Doe",
                null,
                SUBMITTED,
                SUBMITTED,
                null,
                null,
                null,
                null);
    }
}
