package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.User;
import com.b2bflow.shared.RegistrationConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The rules of an invitation's state: expiry, acceptance and revocation, and which of them are final. */
class InvitationTest {

    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant EXPIRES = SENT.plus(Duration.ofDays(7));

    @Test
    void pendingUntilItsExpiryThenExpired() {
        Invitation invitation = invitation();
        assertThat(invitation.state(SENT)).isEqualTo(InvitationState.PENDING);
        assertThat(invitation.state(EXPIRES.minusMillis(1))).isEqualTo(InvitationState.PENDING);
        assertThat(invitation.state(EXPIRES)).isEqualTo(InvitationState.EXPIRED);
        assertThatThrownBy(() -> invitation.requirePending(EXPIRES))
                .isInstanceOfSatisfying(InvitationGoneException.class, gone -> {
                    assertThat(gone.state()).isEqualTo(InvitationState.EXPIRED);
                    assertThat(gone.getStatusCode().value()).isEqualTo(410);
                    assertThat(gone.messageKey()).isEqualTo("invitations.gone.expired");
                });
    }

    @Test
    void anAcceptedInvitationStaysAcceptedAndCannotBeUsedAgainNorRevoked() {
        Invitation invitation = invitation();
        User buyer = new User("nina", organization(), ProfileType.B);
        invitation.accept(buyer, SENT.plusSeconds(60));
        assertThat(invitation.state(SENT.plusSeconds(61))).isEqualTo(InvitationState.ACCEPTED);
        assertThat(invitation.state(EXPIRES.plusSeconds(1)))
                .as("accepted is final, also after the expiry")
                .isEqualTo(InvitationState.ACCEPTED);
        assertThat(invitation.getAcceptedUser()).isSameAs(buyer);
        assertThatThrownBy(() -> invitation.accept(buyer, SENT.plusSeconds(120)))
                .isInstanceOfSatisfying(
                        InvitationGoneException.class,
                        gone -> assertThat(gone.state()).isEqualTo(InvitationState.ACCEPTED));
        assertThatThrownBy(() -> invitation.revoke("ada", SENT.plusSeconds(120)))
                .isInstanceOf(RegistrationConflictException.class)
                .hasMessageContaining("accepted already");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            assertThatThrownBy(() -> invitation.revoke("ada", SENT.plusSeconds(120)))
                    .as("in the language of the person revoking")
                    .hasMessage("Diese Einladung wurde bereits angenommen: Deaktivieren Sie stattdessen den Einkäufer");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aRevokedInvitationCannotBeAcceptedAndRevokingAgainChangesNothing() {
        Invitation invitation = invitation();
        assertThat(invitation.revoke("ada", SENT.plusSeconds(5))).isTrue();
        assertThat(invitation.state(SENT.plusSeconds(6))).isEqualTo(InvitationState.REVOKED);
        assertThat(invitation.state(EXPIRES.plusSeconds(1)))
                .as("revoked is final")
                .isEqualTo(InvitationState.REVOKED);
        assertThat(invitation.revoke("csr", SENT.plusSeconds(9))).isFalse();
        assertThat(invitation.getRevokedBy()).isEqualTo("ada");
        assertThat(invitation.getRevokedAt()).isEqualTo(SENT.plusSeconds(5));
        assertThatThrownBy(() -> invitation.accept(null, SENT.plusSeconds(10)))
                .isInstanceOfSatisfying(
                        InvitationGoneException.class,
                        gone -> assertThat(gone.messageKey()).isEqualTo("invitations.gone.revoked"));
    }

    @Test
    void anExpiredInvitationCannotBeRevoked() {
        assertThatThrownBy(() -> invitation().revoke("ada", EXPIRES))
                .isInstanceOf(RegistrationConflictException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void anUnknownLinkIsGoneLikeAUsedOne() {
        InvitationGoneException unknown = InvitationGoneException.unknown();
        assertThat(unknown.getStatusCode().value()).isEqualTo(410);
        assertThat(unknown.getBody().getProperties()).containsEntry("state", "UNKNOWN");
        assertThat(unknown.messageKey()).isEqualTo("invitations.gone.unknown");
    }

    @Test
    void theLifetimeIsConfigurableAndPositive() {
        assertThat(new InvitationProperties(null).ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(new InvitationProperties(Duration.ofHours(2)).ttl()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> new InvitationProperties(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Invitation invitation() {
        return new Invitation(organization(), "nina@example.com", "hash", "ada", null, SENT, EXPIRES);
    }

    private static Organization organization() {
        return new Organization("ACME", null, OrganizationType.O, ApprovalState.APPROVED);
    }
}
