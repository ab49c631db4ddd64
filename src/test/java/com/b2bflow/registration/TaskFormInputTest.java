package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.account.ContractTerms;
import java.time.LocalDate;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * What the staff task listeners read from a form or an API client, and the Markdown the forms show: whatever arrives
 * is read without an exception (a refusal names it instead of a 500), and what an applicant typed stays text.
 */
class TaskFormInputTest {

    @Test
    void checklistElementsThatAreNoStringsComeBackAsTheirJsonForTheRefusal() {
        assertThat(ProcessVariables.stringList(Spin.JSON("[\"Buyer\", 1, null, [\"x\"]]")))
                .containsExactly("Buyer", "1", "null", "[\"x\"]");
    }

    @Test
    void aJsonArraySentAsTextIsAListAndBrokenJsonIsText() {
        assertThat(ProcessVariables.stringList("[\"UserRegistration\", \"OrderApproval\"]"))
                .containsExactly("UserRegistration", "OrderApproval");
        assertThat(ProcessVariables.stringList("[UserRegistration")).containsExactly("[UserRegistration");
        assertThat(ProcessVariables.stringList("Buyer, Buyer Approver")).containsExactly("Buyer", "Buyer Approver");
    }

    @Test
    void aContractDayOutsideAnyContractsLifeIsATypingMistake() {
        assertThat(new ContractTerms("C", null, LocalDate.of(26, 1, 1), null).violation())
                .hasValueSatisfying(violation -> {
                    assertThat(violation.part()).isEqualTo(ContractTerms.Part.VALID_FROM);
                    assertThat(violation.message()).isEqualTo("Enter a day in the years 1900 to 9999");
                });
        assertThat(new ContractTerms("C", null, LocalDate.of(2026, 1, 1), LocalDate.of(20260, 1, 1)).violation())
                .hasValueSatisfying(violation -> assertThat(violation.part()).isEqualTo(ContractTerms.Part.VALID_TO));
        assertThat(new ContractTerms("C", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).violation())
                .isEmpty();
    }

    @Test
    void whatAnApplicantTypedCannotMakeALinkOrEmphasisInAForm() {
        assertThat(Markdown.text("Evil [Corp](javascript:alert(1)) **now**\n# big"))
                .isEqualTo("Evil \\[Corp\\]\\(javascript:alert\\(1\\)\\) \\*\\*now\\*\\* \\# big");
        assertThat(Markdown.link("A_B Ltd", "/store/staff/organizations/7"))
                .isEqualTo("[A\\_B Ltd](/store/staff/organizations/7)");
        assertThat(Markdown.text("  ")).isEqualTo("–");
    }

    @Test
    void changedFieldsAreNamedForPeople() {
        assertThat(ReviewBriefing.label("organization.taxId")).isEqualTo("Organization tax id");
        assertThat(ReviewBriefing.label("user.preferredLanguage")).isEqualTo("User preferred language");
    }
}
