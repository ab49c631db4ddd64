package com.b2bflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    static final Validator VALIDATOR = com.b2bflow.support.BothLanguages.validator();

    record Name(String first, String last) {}

    /** Package-private, like the request records nested in controllers. */
    @PlainText
    private record Request(String logonId, String description, Name name, List<String> roles) {}

    @Test
    void namesEveryFieldWithAControlCharacterByItsPath() {
        Request request = new Request(
                "a\u0000b", "two\nlines\tare fine", new Name("Ann\r\nBcc: x", "Lee"), List.of("Buyer", "Bu\u0007yer"));

        assertThat(VALIDATOR.validate(request))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("logonId", "name.first", "roles");
        assertThat(VALIDATOR.validate(request))
                .extracting(ConstraintViolation::getMessage)
                .containsOnly("Remove the control characters (such as line breaks)");
    }

    @Test
    void freeTextMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(VALIDATOR.validate(new Request("ann", "line\r\nbreak\tand tab", null, List.of())))
                .isEmpty();
        assertThat(VALIDATOR.validate(new Request("ann", "nul\u0000", null, null)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("description");
    }
}
