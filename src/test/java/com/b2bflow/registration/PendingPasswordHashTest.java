package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.member.Organization;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestTiers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The password hash computed beside the submission's transaction reaches the user row when it commits. */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class PendingPasswordHashTest {

    @Autowired
    RegistrationService registrations;

    @Autowired
    UserRepository users;

    @Autowired
    TestMembers members;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSubmittedUserHasTheHashOfItsPassword() {
        RegistrationRequest request = TestRegistrations.organization();
        registrations.submit(RegistrationFlow.ORGANIZATION, request);

        User user = users.findByLogonId(request.user().logonId()).orElseThrow();
        assertThat(passwordEncoder.matches(TestRegistrations.PASSWORD, user.getPasswordHash()))
                .isTrue();
    }

    @Test
    void aHashFinishedAfterTheUserWasSavedIsWrittenBeforeTheCommit() throws Exception {
        Organization organization = members.buyerOrganization();
        CompletableFuture<String> hash = new CompletableFuture<>();
        CountDownLatch saved = new CountDownLatch(1);
        String logonId = TestRegistrations.unique("pending");
        CompletableFuture<Void> submission =
                CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                    User user = new User(logonId, organization, ProfileType.B);
                    user.setLastName("Pending");
                    user.setEmail(logonId + "@example.com");
                    new PendingPasswordHash(hash).writeTo(user::setPasswordHash);
                    users.saveAndFlush(user);
                    assertThat(user.getPasswordHash()).isNull();
                    saved.countDown();
                }));
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        hash.complete("{bcrypt}computed-meanwhile");
        submission.get(10, TimeUnit.SECONDS);

        assertThat(jdbc.queryForObject(
                        "SELECT password_hash FROM member_user WHERE logon_id = ?", String.class, logonId))
                .isEqualTo("{bcrypt}computed-meanwhile");
    }

    @Test
    void aFailedHashRollsTheSubmissionBack() {
        Organization organization = members.buyerOrganization();
        String logonId = TestRegistrations.unique("failed");
        CompletableFuture<String> hash = new CompletableFuture<>();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    User user = new User(logonId, organization, ProfileType.B);
                    user.setLastName("Failed");
                    user.setEmail(logonId + "@example.com");
                    new PendingPasswordHash(hash).writeTo(user::setPasswordHash);
                    users.saveAndFlush(user);
                    hash.completeExceptionally(new IllegalStateException("hash failed"));
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("hash failed");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_user WHERE logon_id = ?", Integer.class, logonId))
                .isZero();
    }

    @Test
    void aCancelledHashThatHadNotStartedNeverRuns() throws Exception {
        AtomicBoolean hashed = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        var single = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            single.submit(() -> release.await(10, TimeUnit.SECONDS));
            PendingPasswordHash pending = new PendingPasswordHash(CompletableFuture.supplyAsync(
                    () -> {
                        hashed.set(true);
                        return "never";
                    },
                    single));
            pending.cancel();
            release.countDown();
            single.submit(() -> null).get(10, TimeUnit.SECONDS);
        } finally {
            single.shutdown();
        }
        assertThat(hashed).isFalse();
    }
}
