package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestTiers;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The creation steps when a designer puts a step before them: the submission commits with the draft, the hash and
 * the reservations; a second submission of the same names is refused meanwhile; the steps, in a later transaction,
 * create the members, hand the hash over and free the reservations; a rejection before them frees the names.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class CreationStepsTest {

    @Autowired
    RegistrationMembers members;

    @Autowired
    RegistrationApplicants applicants;

    @Autowired
    NameReservations reservations;

    @Autowired
    RegistrationPolicies policies;

    @Autowired
    RegistrationParents parents;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void membersCreatedAfterAWaitGetTheHashKeptWithTheSubmission() {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submitWithoutCreating(request, "{bcrypt}kept-with-the-submission");

        assertThat(jdbc.queryForObject("SELECT password_hash FROM registration WHERE id = ?", String.class, id))
                .isEqualTo("{bcrypt}kept-with-the-submission");
        assertThatThrownBy(() -> applicants.requireLogonIdFree(request.user(), null))
                .isInstanceOf(RegistrationConflictException.class);
        long parentId = parents.parentIdFor(RegistrationType.BuyerRegistration);
        assertThatThrownBy(() -> applicants.requireOrganizationNameFree(
                        parentId, request.organization().name(), null))
                .isInstanceOf(RegistrationConflictException.class);

        Long organizationId = transactions.execute(status -> members.createOrganization(id));
        Long userId = transactions.execute(status -> members.createUser(id));

        User user = users.findById(userId).orElseThrow();
        assertThat(user.getPasswordHash()).isEqualTo("{bcrypt}kept-with-the-submission");
        assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.PENDING);
        assertThat(user.isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM registration WHERE id = ?", String.class, id))
                .isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM name_reservation WHERE registration_id = ?", Integer.class, id))
                .isZero();
        Long again = transactions.execute(status -> members.createOrganization(id));
        assertThat(again).as("run again").isEqualTo(organizationId);
        again = transactions.execute(status -> members.createUser(id));
        assertThat(again).isEqualTo(userId);
    }

    @Test
    void aRegistrationRejectedBeforeItsCreationFreesItsNames() {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submitWithoutCreating(request, "{bcrypt}unused");

        transactions.executeWithoutResult(status -> reservations.release(id));

        applicants.requireLogonIdFree(request.user(), null);
        applicants.requireOrganizationNameFree(
                parents.parentIdFor(RegistrationType.BuyerRegistration),
                request.organization().name(),
                null);
    }

    /**
     * A node that dies between a submission's reservation commit and its own commit leaves reservations without a
     * registration. While they might still be a submission under way they hold their names; older than
     * app.registration.abandoned-reservation-after (PT1M) they are taken over by the next submission of those names.
     */
    @Test
    void reservationsOfASubmissionThatNeverCommittedAreTakenOverOnceAbandoned() {
        RegistrationRequest request = TestRegistrations.organization();
        long parentId = parents.parentIdFor(RegistrationType.BuyerRegistration);
        ReservedNames names = ReservedNames.organization(
                request.user().logonId(), parentId, request.organization().name());
        reservations.reserve("never-committed", names);

        assertThatThrownBy(() -> applicants.requireLogonIdFree(request.user(), null))
                .as("a fresh reservation may be a submission under way")
                .isInstanceOf(RegistrationConflictException.class);
        assertThatThrownBy(() -> reservations.reserve("second", names))
                .isInstanceOf(RegistrationConflictException.class);

        jdbc.update(
                "UPDATE name_reservation SET reserved_at = ? WHERE registration_id = 'never-committed'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(61)));
        applicants.requireLogonIdFree(request.user(), null);
        applicants.requireOrganizationNameFree(parentId, request.organization().name(), null);
        reservations.reserve("second", names);

        assertThat(jdbc.queryForList(
                        "SELECT registration_id FROM name_reservation WHERE registration_id IN"
                                + " ('never-committed', 'second')",
                        String.class))
                .containsOnly("second")
                .hasSize(2);
        transactions.executeWithoutResult(status -> reservations.release("second"));
    }

    /** The reservations of a registration that exists hold its names however old they are. */
    @Test
    void reservationsOfAStoredRegistrationAreNeverAbandoned() {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submitWithoutCreating(request, "{bcrypt}unused");
        jdbc.update(
                "UPDATE name_reservation SET reserved_at = ? WHERE registration_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)),
                id);

        assertThatThrownBy(() -> applicants.requireLogonIdFree(request.user(), null))
                .isInstanceOf(RegistrationConflictException.class);
        long parentId = parents.parentIdFor(RegistrationType.BuyerRegistration);
        assertThatThrownBy(() -> reservations.reserve(
                        "second",
                        ReservedNames.organization(
                                request.user().logonId(),
                                parentId,
                                request.organization().name())))
                .isInstanceOf(RegistrationConflictException.class);
        transactions.executeWithoutResult(status -> reservations.release(id));
    }

    /** What the submission commits when the model waits before its creation steps. */
    private String submitWithoutCreating(RegistrationRequest request, String hash) {
        RegistrationPolicy policy = policies.forFlow(RegistrationFlow.ORGANIZATION);
        long parentId = parents.parentIdFor(policy.type());
        MemberDraft draft = new MemberDraft(
                MemberDraft.organization(parentId, request.organization(), request.addressOrEmpty()),
                MemberDraft.NewUser.of(
                        request.user(), request.addressOrEmpty(), null, policy, List.copyOf(policy.roles())));
        return transactions.execute(status -> {
            Registration registration = new Registration(RegistrationFlow.ORGANIZATION, "{}", "a@example.com");
            registration.setMemberDraft(members.toJson(draft));
            registration = registrations.saveAndFlush(registration);
            registration.holdPasswordHash(PendingPasswordHash.of(hash));
            reservations.reserve(registration.getId(), draft);
            return registration.getId();
        });
    }
}
