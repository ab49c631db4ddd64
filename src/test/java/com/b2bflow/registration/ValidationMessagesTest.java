package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.b2bflow.member.AddressData;
import com.b2bflow.security.PasswordPolicy;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import com.b2bflow.support.BothLanguages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Validation speaks the person's language, one message per rule: an empty logon id is "Choose a logon ID" and
 * nothing else (never "Choose a logon ID size must be between 3 and 64"), no framework default text, and every
 * message of a thoroughly wrong registration has a German text of its own.
 */
class ValidationMessagesTest {

    private final Texts texts = Texts.standalone();
    private final RegistrationValidator validator =
            new RegistrationValidator(BothLanguages.validator(), new PasswordPolicy(texts), texts);

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anEmptyLogonIdIsOneMessageInTheUsersLanguage() {
        assertThat(logonIdMessages("", Locale.ENGLISH)).containsExactly("Choose a logon ID");
        assertThat(logonIdMessages("", Locale.GERMAN)).containsExactly("Wählen Sie eine Anmelde-ID");
    }

    @Test
    void aLengthRuleNamesItsLimitInWordsNotTheFrameworksDefault() {
        assertThat(logonIdMessages("ab", Locale.ENGLISH)).containsExactly("Use 3 to 64 characters");
        assertThat(logonIdMessages("ab", Locale.GERMAN)).containsExactly("Verwenden Sie 3 bis 64 Zeichen");
    }

    @Test
    void everyMessageOfAThoroughlyWrongRegistrationHasItsOwnGermanText() {
        List<FieldProblem> english = problems(allWrong(), Locale.ENGLISH);
        List<FieldProblem> german = problems(allWrong(), Locale.GERMAN);
        assertThat(german)
                .extracting(FieldProblem::field)
                .isEqualTo(english.stream().map(FieldProblem::field).toList());
        assertThat(english).hasSizeGreaterThan(10);
        for (int i = 0; i < english.size(); i++) {
            assertThat(german.get(i).message())
                    .as(english.get(i).field())
                    .isNotEqualTo(english.get(i).message())
                    .doesNotContain("{", "must", "size", "darf nicht");
        }
        assertThat(english).extracting(FieldProblem::message).noneMatch(message -> message.contains("must be between"));
    }

    private List<String> logonIdMessages(String logonId, Locale locale) {
        return problems(withLogonId(logonId), locale).stream()
                .filter(problem -> problem.field().equals("user.logonId"))
                .map(FieldProblem::message)
                .toList();
    }

    private List<FieldProblem> problems(RegistrationRequest request, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        return catchThrowableOfType(() -> validator.validate(request, true), InvalidRegistrationException.class)
                .problems();
    }

    private static RegistrationRequest withLogonId(String logonId) {
        return new RegistrationRequest(
                new OrganizationData("ACME", null, null, null, null),
                new UserData(
                        logonId,
                        "a-long-enough-password",
                        "a-long-enough-password",
                        null,
                        null,
                        "Doe",
                        "jane@example.com",
                        null,
                        "en"),
                null,
                null);
    }

    private static RegistrationRequest allWrong() {
        String tooLong = "x".repeat(1001);
        return new RegistrationRequest(
                new OrganizationData(" ", tooLong, tooLong, "tax!", "not a domain"),
                new UserData("a!", "jdoe", "other", tooLong, tooLong, " ", "not-an-email", "phone!", "e n!"),
                new AddressData(tooLong, tooLong, tooLong, tooLong, tooLong, tooLong, tooLong),
                tooLong);
    }
}
