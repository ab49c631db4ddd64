package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    /** Read here, independently of the policy, straight from the shipped file. */
    private static List<String> listedPasswords() throws IOException {
        try (InputStream in =
                PasswordPolicyTest.class.getClassLoader().getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            assertThat(in)
                    .as("%s on the class path", PasswordPolicy.COMMON_PASSWORDS)
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void theListOfCommonPasswordsIsShippedAndHoldsOnlyPasswordsTheLengthRuleWouldAccept() throws IOException {
        List<String> listed = listedPasswords();
        assertThat(listed).hasSizeGreaterThan(40_000);
        assertThat(listed)
                .allSatisfy(
                        password -> assertThat(password.length()).as(password).isBetween(12, 64));
        assertThat(policy.problems("correct horse battery", "ada", "ada@acme.example", "Acme Corp"))
                .isEmpty();
    }

    /**
     * Every entry of the list is refused, as listed, upper-cased and padded with spaces: as too common, or - for the
     * entries made of one repeated character - by the repetition rule, which is checked first.
     */
    @Test
    void everyListedPasswordIsRefusedAsListedUpperCasedAndSpaced() throws IOException {
        String common = "This password is too common and easy to guess. Choose a less predictable one.";
        List<String> accepted = new ArrayList<>();
        List<String> refusedForAnotherReason = new ArrayList<>();
        for (String password : listedPasswords()) {
            boolean oneRepeatedCharacter = password.chars().distinct().count() == 1;
            for (String variant : List.of(password, password.toUpperCase(Locale.ROOT), " " + password + " ")) {
                List<String> problems = policy.problems(variant, "someone", "someone@example.com", "Acme Corp");
                if (problems.isEmpty()) {
                    accepted.add(variant);
                } else if (!problems.contains(common) && !oneRepeatedCharacter) {
                    refusedForAnotherReason.add(variant + " " + problems);
                }
            }
        }
        assertThat(accepted).as("listed passwords accepted").isEmpty();
        assertThat(refusedForAnotherReason)
                .as("listed passwords not recognised as common")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "Password1234",
                "qwertyuiopasdf",
                "iloveyou2024",
                "123456789012",
                "1q2w3e4r5t6y",
                "welcome12345",
                "passwordpassword",
                "Correct Horse Battery Staple",
                "P@ssw0rd2024",
                "asdfghjkl123",
                "letmein12345",
                "197019701970",
                "summer2024!!",
                "qwerty123456"
            })
    void commonPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThat(policy.problems(password, "someone", "someone@example.com", "Acme Corp"))
                .containsExactly("This password is too common and easy to guess. Choose a less predictable one.");
    }

    @Test
    void theOrganizationsNameAndTheEmailsLocalPartAreRefused() {
        assertThat(policy.problems("WidgetWorks rules 2024", "ada", "ada@example.com", "Widgetworks GmbH"))
                .containsExactly("The password must not contain your organization's name.");
        assertThat(policy.problems("i work at contoso!", "ada", "ada@example.com", "Contoso Ltd"))
                .containsExactly("The password must not contain your organization's name.");
        assertThat(policy.problems("Global Supplies of steel", "ada", "ada@example.com", "Global Supplies Inc"))
                .as("a name made only of generic words is forbidden whole, not word by word")
                .isEmpty();
        assertThat(policy.problems("my name is ada.lovelace!", "al", "Ada.Lovelace@example.com", null))
                .containsExactly("The password must not contain your email address.");
    }

    @Test
    void theEarlierRulesStillHold() {
        assertThat(policy.problems("short", "ada", null, null))
                .containsExactly("The password must be 12 to 64 characters long.");
        assertThat(policy.problems("xxxxxxxxxxxxxx", "ada", null, null))
                .containsExactly("The password must not repeat a single character.");
        assertThat(policy.problems("i am lovelace123 ok", "lovelace123", null, null))
                .containsExactly("The password must not contain your logon ID.");
    }
}
