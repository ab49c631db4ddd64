package com.b2bflow.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** "Forgot your password?": the same answer for everyone, a one-time expiring link, the policy, lock and audit. */
@IntegrationTest
class PasswordResetTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final Pattern LINK =
            Pattern.compile("http://shop\\.test/store/password-reset\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "violet tangerine harbour";

    @Autowired
    MockMvc mvc;

    @Autowired
    PasswordResets resets;

    @Autowired
    UserRepository users;

    @Autowired
    AuditEventRepository audit;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceLiftsTheLockAndTellsTheUser() throws Exception {
        User user = lockedUserWithPassword();

        mvc.perform(post("/api/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logonId\":\"" + user.getLogonId() + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.message").value(PasswordResetApiController.ANSWER));
        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1))
                .isTrue();
        String token = tokenFromMail(user.getEmail());
        assertThat(jdbc.queryForList(
                        "select token_hash from password_reset_token where user_id = ?", String.class, user.getId()))
                .containsExactly(OneTimeTokens.hash(token))
                .doesNotContain(token);

        mvc.perform(get("/store/password-reset").param("token", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(user.getLogonId())));
        mvc.perform(post("/api/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("The password must be 12 to 64 characters long."));
        mvc.perform(post("/api/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isNoContent());

        User changed = users.findById(user.getId()).orElseThrow();
        assertThat(passwordEncoder.matches(NEW_PASSWORD, changed.getPasswordHash()))
                .isTrue();
        assertThat(changed.isLocked(Instant.now())).isFalse();
        assertThat(TestSmtp.to(mail, user.getEmail())).last().satisfies(notice -> {
            assertThat(notice.getSubject())
                    .isEqualTo("The password of your account " + user.getLogonId() + " was changed");
            assertThat(TestSmtp.text(notice)).doesNotContain(token, NEW_PASSWORD);
        });
        List<AuditEvent> events = audit.findAll().stream()
                .filter(event -> String.valueOf(user.getId()).equals(event.getTargetId()))
                .toList();
        assertThat(events)
                .extracting(AuditEvent::getAction)
                .contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET_COMPLETED");
        assertThat(events)
                .allSatisfy(
                        event -> assertThat(String.valueOf(event.getDetails())).doesNotContain(token, NEW_PASSWORD));

        mvc.perform(post("/api/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"another fine password\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("USED"));
        mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", user.getLogonId())
                        .param("logonPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/store/account"));
    }

    @Test
    void unknownAndStaffLogonIdsGetTheSameAnswerAndNoMail() throws Exception {
        String known = mvc.perform(post("/api/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logonId\":\"" + userWithPassword().getLogonId() + "\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the known account's link mail, so that no mail of this test arrives during another
        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1))
                .isTrue();
        for (String logonId : List.of("nobody-" + TestRegistrations.unique("x"), "seller-admin")) {
            mvc.perform(post("/api/password-reset")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"logonId\":\"" + logonId + "\"}"))
                    .andExpect(status().isAccepted())
                    .andExpect(content().string(known));
        }
        mvc.perform(post("/api/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("logonId"));

        long before = audit.count();
        resets.handle("seller-admin");
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com")).isEmpty();
        assertThat(audit.findAll())
                .filteredOn(event -> "seller-admin".equals(event.getTargetId()))
                .extracting(AuditEvent::getDetails)
                .last()
                .asString()
                .contains("administrator");
        assertThat(audit.count()).isGreaterThan(before);
        mvc.perform(get("/store/password-reset").header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Passwort vergessen?")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ihr Administrator")));
        mvc.perform(get("/store/login"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/store/password-reset")));
    }

    @Test
    void anExpiredLinkIsGoneAndTheUserGetsAtMostOneLinkPerInterval() throws Exception {
        User user = userWithPassword();
        resets.handle(user.getLogonId());
        resets.handle(user.getLogonId());
        assertThat(TestSmtp.to(mail, user.getEmail())).hasSize(1);
        String token = tokenFromMail(user.getEmail());
        jdbc.update(
                "update password_reset_token set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                user.getId());

        mvc.perform(post("/api/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("EXPIRED"));
        mvc.perform(get("/store/password-reset")
                        .param("token", token)
                        .locale(Locale.GERMAN)
                        .header("Accept-Language", "de"))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("abgelaufen")));
        mvc.perform(post("/api/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"not-a-token\",\"password\":\"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("UNKNOWN"));
        assertThat(passwordEncoder.matches(
                        TestRegistrations.PASSWORD,
                        users.findById(user.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    private User userWithPassword() {
        User user = testUsers.waitingForActivation();
        return transactions.execute(status -> {
            User managed = users.findById(user.getId()).orElseThrow();
            managed.setPasswordHash(passwordEncoder.encode(TestRegistrations.PASSWORD));
            return users.saveAndFlush(managed);
        });
    }

    private User lockedUserWithPassword() {
        User user = userWithPassword();
        return transactions.execute(status -> {
            User managed = users.findById(user.getId()).orElseThrow();
            for (int i = 0; i < 5; i++) {
                managed.recordFailedLogin(5, Duration.ofMinutes(15), Instant.now());
            }
            assertThat(managed.isLocked(Instant.now())).isTrue();
            return users.saveAndFlush(managed);
        });
    }

    private String tokenFromMail(String address) {
        List<MimeMessage> messages = TestSmtp.to(mail, address);
        assertThat(messages).isNotEmpty();
        Matcher matcher = LINK.matcher(TestSmtp.text(messages.get(0)));
        assertThat(matcher.find()).as("password reset link in the mail").isTrue();
        return matcher.group(1);
    }
}
