package com.b2bflow.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.util.List;
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

/** Activation links: issue, use once, expiry, the page, the JSON API and "send me a new link". */
@IntegrationTest
class ActivationTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final Pattern LINK = Pattern.compile("http://shop\\.test/store/activate\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ActivationService activation;

    @Autowired
    ActivationMails mails;

    @Autowired
    ActivationTokenRepository tokens;

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
    void theMailedLinkSetsThePasswordOnceAndOnlyItsHashIsStored() throws Exception {
        User user = testUsers.waitingForActivation();
        mails.sendActivation(user.getId(), "test:" + user.getId());
        String token = tokenFromMail(user.getEmail());

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForList(
                        "select token_hash from activation_token where user_id = ?", String.class, user.getId()))
                .containsExactly(sha256Hex(token))
                .doesNotContain(token);
        assertThat(activation.isWaitingForActivation(user)).isTrue();

        mvc.perform(get("/store/activate").param("token", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(user.getLogonId())));

        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + TestRegistrations.PASSWORD + "\"}"))
                .andExpect(status().isNoContent());

        User activated = users.findById(user.getId()).orElseThrow();
        assertThat(passwordEncoder.matches(TestRegistrations.PASSWORD, activated.getPasswordHash()))
                .isTrue();
        assertThat(audit.findAll())
                .anySatisfy(event -> {
                    assertThat(event.getAction()).isEqualTo("ACCOUNT_ACTIVATED");
                    assertThat(event.getTargetId()).isEqualTo(String.valueOf(user.getId()));
                })
                .noneSatisfy(
                        event -> assertThat(String.valueOf(event.getDetails())).contains(token));

        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"another fine password\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value("This activation link has already been used"))
                .andExpect(jsonPath("$.reason").value("USED"));
        assertThat(activation.isWaitingForActivation(activated)).isFalse();

        mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", user.getLogonId())
                        .param("logonPassword", TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/account"));
    }

    @Test
    void anExpiredLinkIsGoneAndThePageOffersANewOne() throws Exception {
        User user = testUsers.waitingForActivation();
        String token = activation.issue(user);
        expireTokensOf(user);
        backdateTokensOf(user);

        assertThatThrownBy(() -> activation.activate(token, TestRegistrations.PASSWORD))
                .isInstanceOf(OneTimeLinkGoneException.class)
                .hasMessage("This activation link has expired: request a new one");
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"password\":\"" + TestRegistrations.PASSWORD + "\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value("This activation link has expired: request a new one"));
        mvc.perform(get("/store/activate").param("token", token))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("has expired")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Send me a new link")));

        mvc.perform(post("/store/activate/renewal")
                        .with(StorefrontCsrf.token(mvc))
                        .param("token", token))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("a new activation link is on its way")));
        String fresh = tokenFromMail(user.getEmail());
        assertThat(fresh).isNotEqualTo(token);

        mvc.perform(post("/store/activate")
                        .with(StorefrontCsrf.token(mvc))
                        .param("token", fresh)
                        .param("password", TestRegistrations.PASSWORD)
                        .param("passwordVerify", "something else"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The two passwords differ")));
        mvc.perform(post("/store/activate")
                        .with(StorefrontCsrf.token(mvc))
                        .param("token", fresh)
                        .param("password", TestRegistrations.PASSWORD)
                        .param("passwordVerify", TestRegistrations.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Your password is set")));
        mvc.perform(get("/store/activate").param("token", fresh))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("has already been used")));
    }

    @Test
    void anUnknownLinkIsGone() throws Exception {
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"nonsense\",\"password\":\"" + TestRegistrations.PASSWORD + "\"}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("UNKNOWN"));
        mvc.perform(get("/store/activate")).andExpect(status().isGone());
        mvc.perform(post("/api/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void usingOneLinkUsesEveryOpenLinkOfTheUser() {
        User user = testUsers.waitingForActivation();
        String first = activation.issue(user);
        String second = activation.issue(user);
        activation.activate(second, TestRegistrations.PASSWORD);
        assertThat(activation.inspect(first).reason()).isEqualTo(OneTimeLinkGoneException.Reason.USED);
    }

    @Test
    void renewalAnswersTheSameWhateverTheAccountAndMailsOnlyAWaitingOne() throws Exception {
        User waiting = testUsers.waitingForActivation();
        User active = testUsers.waitingForActivation();
        activation.activate(activation.issue(active), TestRegistrations.PASSWORD);

        for (String body : List.of(
                "{\"logonId\":\"nobody-" + waiting.getLogonId() + "\"}",
                "{\"logonId\":\"" + active.getLogonId() + "\"}",
                "{\"email\":\"" + waiting.getEmail().toUpperCase() + "\"}")) {
            mvc.perform(post("/api/activation/renewal")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.message").value(ActivationApiController.RENEWAL_ANSWER));
        }
        assertThat(TestSmtp.to(mail, active.getEmail())).isEmpty();
        assertThat(TestSmtp.to(mail, waiting.getEmail()))
                .singleElement()
                .satisfies(m ->
                        assertThat(TestSmtp.subject(m)).isEqualTo("Activate your account " + waiting.getLogonId()));

        // at most one link per renewal interval
        mvc.perform(post("/api/activation/renewal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logonId\":\"" + waiting.getLogonId() + "\"}"))
                .andExpect(status().isAccepted());
        assertThat(TestSmtp.to(mail, waiting.getEmail())).hasSize(1);
        backdateTokensOf(waiting);
        mvc.perform(post("/api/activation/renewal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logonId\":\"" + waiting.getLogonId() + "\"}"))
                .andExpect(status().isAccepted());
        assertThat(TestSmtp.to(mail, waiting.getEmail())).hasSize(2);

        mvc.perform(post("/api/activation/renewal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("logonId"));
        mvc.perform(post("/store/activate/renewal")
                        .with(StorefrontCsrf.token(mvc))
                        .param("identifier", waiting.getLogonId()))
                .andExpect(status().isOk());
        mvc.perform(get("/store/activate/renewal")).andExpect(status().isOk());
    }

    private void expireTokensOf(User user) {
        jdbc.update(
                "update activation_token set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                user.getId());
    }

    private void backdateTokensOf(User user) {
        jdbc.update(
                "update activation_token set created_at = ? where user_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)),
                user.getId());
    }

    private String tokenFromMail(String address) {
        List<MimeMessage> messages = TestSmtp.to(mail, address);
        assertThat(messages).isNotEmpty();
        Matcher matcher = LINK.matcher(TestSmtp.text(messages.get(messages.size() - 1)));
        assertThat(matcher.find()).as("activation link in the mail").isTrue();
        return matcher.group(1);
    }

    /** The stored form of a token, computed here rather than with the production method it checks. */
    private static String sha256Hex(String token) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("%064x", new java.math.BigInteger(1, digest));
    }
}
