package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.staff.StaffGroups;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/** Where a sign-in leads: back to the page asked for (with a Tasklist task's fragment), else the user's home. */
class LoginOutcomeHandlerTest {

    final LoginOutcomeHandler handler = new LoginOutcomeHandler();

    @Test
    void aTasklistTaskLinkLeadsBackToThatTaskAfterSignIn() throws Exception {
        MockHttpServletRequest signIn = afterAskingFor("/camunda/app/tasklist/default/");
        signIn.setParameter(LoginOutcomeHandler.FRAGMENT, "#/?task=0f5c6a1e-37b2-11f0-9d1c-0242ac120002");

        assertThat(redirectAfterSignIn(signIn, staff(StaffGroups.SELLER_ADMINS)))
                .isEqualTo(
                        "http://shop.test/camunda/app/tasklist/default/#/?task=0f5c6a1e-37b2-11f0-9d1c-0242ac120002");
    }

    @Test
    void theDemoMailboxAndStorefrontPagesAreResumedToo() throws Exception {
        assertThat(redirectAfterSignIn(afterAskingFor("/staff/mailbox"), staff(StaffGroups.SELLER_ADMINS)))
                .isEqualTo("http://shop.test/staff/mailbox");
        assertThat(redirectAfterSignIn(afterAskingFor("/store/approvals"), staff(StaffGroups.SELLER_ADMINS)))
                .isEqualTo("http://shop.test/store/approvals");
    }

    @Test
    void aFragmentThatIsNoWebappRouteIsDropped() {
        assertThat(LoginOutcomeHandler.fragment("#/?task=abc-1")).isEqualTo("#/?task=abc-1");
        assertThat(LoginOutcomeHandler.fragment("#/processes/x?searchQuery=%5B%5D"))
                .startsWith("#/processes");
        assertThat(LoginOutcomeHandler.fragment("//evil.example.com")).isEmpty();
        assertThat(LoginOutcomeHandler.fragment("#/\r\nSet-Cookie: x=y")).isEmpty();
        assertThat(LoginOutcomeHandler.fragment("#/<script>")).isEmpty();
        assertThat(LoginOutcomeHandler.fragment("#/" + "a".repeat(300))).isEmpty();
        assertThat(LoginOutcomeHandler.fragment(null)).isEmpty();
    }

    @Test
    void onlyPagesOfTheApplicationAreResumed() {
        assertThat(LoginOutcomeHandler.resumable("/camunda/app/cockpit/default/"))
                .isTrue();
        assertThat(LoginOutcomeHandler.resumable("/staff/mailbox")).isTrue();
        assertThat(LoginOutcomeHandler.resumable("/api/me")).isFalse();
        assertThat(LoginOutcomeHandler.resumable("/camunda/api/engine/engine/default/task"))
                .isFalse();
        assertThat(LoginOutcomeHandler.resumable("/favicon.ico")).isFalse();
    }

    @Test
    void withoutASavedPageEachUserGoesHome() throws Exception {
        MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/store/login");
        signIn.setParameter(LoginOutcomeHandler.FRAGMENT, "#/?task=abc");
        assertThat(redirectAfterSignIn(signIn, staff(StaffGroups.SELLER_ADMINS)))
                .isEqualTo("/store/staff");
        assertThat(redirectAfterSignIn(
                        new MockHttpServletRequest("POST", "/store/login"), staff(StaffGroups.CUSTOMER_SERVICE)))
                .isEqualTo("/store/customer-service");
    }

    /** A request for the page that was refused for want of a sign-in, saved as Spring Security saves it. */
    private static MockHttpServletRequest afterAskingFor(String path) {
        MockHttpServletRequest askedFor = new MockHttpServletRequest("GET", path);
        askedFor.setScheme("http");
        askedFor.setServerName("shop.test");
        askedFor.setServerPort(80);
        new HttpSessionRequestCache().saveRequest(askedFor, new MockHttpServletResponse());
        MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/store/login");
        signIn.setSession(askedFor.getSession());
        return signIn;
    }

    private String redirectAfterSignIn(MockHttpServletRequest signIn, Authentication who) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationSuccess(signIn, response, who);
        return response.getRedirectedUrl();
    }

    private static Authentication staff(String group) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal("someone", "Some One", List.of(group)), null, List.of());
    }
}
