package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The Camunda webapps see the signed-in staff member with their groups, and nobody else. */
class WebappAuthenticationFromSpringSecurityTest {

    @Test
    void aSignedInStaffMemberIsTheWebappsUserWithTheirGroups() {
        AuthenticationResult result =
                WebappAuthenticationFromSpringSecurity.staffResult(UsernamePasswordAuthenticationToken.authenticated(
                        new StaffPrincipal("seller-admin", "Sam Seller", List.of("seller-admins")),
                        null,
                        AuthorityUtils.createAuthorityList(StaffPrincipal.STAFF)));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("seller-admin");
        assertThat(result.getGroups()).containsExactly("seller-admins");
    }

    @Test
    void buyersAnonymousVisitorsAndNobodyAreNotAuthenticated() {
        BuyerPrincipal buyer = new BuyerPrincipal(7L, "bea", "Bea Buyer", "{bcrypt}x", null, true);
        assertThat(WebappAuthenticationFromSpringSecurity.staffResult(
                                UsernamePasswordAuthenticationToken.authenticated(buyer, null, List.of()))
                        .isAuthenticated())
                .isFalse();
        assertThat(WebappAuthenticationFromSpringSecurity.staffResult(new AnonymousAuthenticationToken(
                                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))
                        .isAuthenticated())
                .isFalse();
        assertThat(WebappAuthenticationFromSpringSecurity.staffResult(null).isAuthenticated())
                .isFalse();
    }
}
