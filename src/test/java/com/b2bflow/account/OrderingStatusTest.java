package com.b2bflow.account;

import static com.b2bflow.member.ApprovalState.APPROVED;
import static com.b2bflow.member.ApprovalState.PENDING;
import static com.b2bflow.member.ApprovalState.REJECTED;
import static com.b2bflow.member.ApprovalState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.account.OrderingStatus.Reason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a user may not order yet: one reason for every case, the first one a buyer can act on. */
class OrderingStatusTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final List<ContractView> IN_FORCE = List.of(contract(LocalDate.of(2026, 1, 1), true));

    @Test
    void anApprovedEnabledUserOfAnApprovedOrganizationWithAContractInForceMayOrder() {
        OrderingStatus status = OrderingStatus.of(true, APPROVED, APPROVED, IN_FORCE);

        assertThat(status.mayOrder()).isTrue();
        assertThat(status.reason()).isNull();
    }

    @Test
    void aDisabledUserMayNotOrderWhateverElseHolds() {
        assertThat(OrderingStatus.of(false, APPROVED, APPROVED, IN_FORCE).reason())
                .isEqualTo(Reason.USER_DISABLED);
    }

    @Test
    void aUserWhoseRegistrationIsPendingWaitsForApproval() {
        assertThat(OrderingStatus.of(true, PENDING, APPROVED, IN_FORCE).reason())
                .isEqualTo(Reason.USER_AWAITING_APPROVAL);
    }

    @Test
    void aRejectedOrWithdrawnUserIsNotApproved() {
        assertThat(OrderingStatus.of(true, REJECTED, APPROVED, IN_FORCE).reason())
                .isEqualTo(Reason.USER_NOT_APPROVED);
        assertThat(OrderingStatus.of(true, WITHDRAWN, APPROVED, IN_FORCE).reason())
                .isEqualTo(Reason.USER_NOT_APPROVED);
    }

    @Test
    void anOrganizationAwaitingApprovalComesBeforeTheContract() {
        assertThat(OrderingStatus.of(true, APPROVED, PENDING, List.of()).reason())
                .isEqualTo(Reason.ORGANIZATION_AWAITING_APPROVAL);
    }

    @Test
    void aRejectedOrganizationIsNotApproved() {
        assertThat(OrderingStatus.of(true, APPROVED, REJECTED, IN_FORCE).reason())
                .isEqualTo(Reason.ORGANIZATION_NOT_APPROVED);
    }

    @Test
    void noContractAtAllIsSaidAsSuch() {
        OrderingStatus status = OrderingStatus.of(true, APPROVED, APPROVED, List.of());

        assertThat(status.reason()).isEqualTo(Reason.NO_CONTRACT);
        assertThat(status.startsOn()).isNull();
    }

    @Test
    void aContractNotStartedYetSaysTheEarliestFirstDay() {
        OrderingStatus status = OrderingStatus.of(
                true, APPROVED, APPROVED, List.of(contract(NEW_YEAR.plusMonths(3), false), contract(NEW_YEAR, false)));

        assertThat(status.reason()).isEqualTo(Reason.CONTRACT_NOT_STARTED);
        assertThat(status.startsOn()).isEqualTo(NEW_YEAR);
        assertThat(status.mayOrder()).isFalse();
    }

    @Test
    void oneContractInForceIsEnoughBesideOnesNotStarted() {
        assertThat(OrderingStatus.of(true, APPROVED, APPROVED, List.of(contract(NEW_YEAR, false), IN_FORCE.get(0)))
                        .mayOrder())
                .isTrue();
    }

    @Test
    void everyReasonIsSaidInEnglishAndGerman() throws Exception {
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Reason reason : Reason.values()) {
                assertThat(messages.getProperty(reason.messageKey())).as(file).isNotBlank();
            }
        }
    }

    private static ContractView contract(LocalDate validFrom, boolean inForce) {
        return new ContractView(
                1,
                1,
                "ACME",
                "ACME account",
                "Frame contract",
                "net 30",
                validFrom,
                null,
                AccountState.ACTIVE,
                inForce);
    }
}
