package com.b2bflow.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browser's checks of the registration forms come from the server's constraints. */
class FormRulesTest {

    private final FormRules rules =
            new FormRules(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void lengthsComeFromTheSizeConstraints() {
        assertThat(rules.maxLength("user.logonId")).isEqualTo(64);
        assertThat(rules.minLength("user.logonId")).isEqualTo(3);
        assertThat(rules.maxLength("organization.name")).isEqualTo(128);
        assertThat(rules.minLength("organization.name")).isNull();
        assertThat(rules.maxLength("address.postalCode")).isEqualTo(32);
        assertThat(rules.maxLength("no.such")).isNull();
        assertThat(rules.pattern("user.lastName")).isNull();
    }

    @Test
    void patternsBecomeHtmlPatternsThatAcceptAndRefuseTheSame() {
        assertThat(rules.pattern("user.logonId")).isEqualTo("[a-zA-Z0-9._@+\\-]*");
        assertThat(rules.pattern("user.phone")).isEqualTo("[0-9 +\\(\\)./\\-]*".replace("./", ".\\/"));
        assertThat(rules.pattern("organization.emailDomain")).isEqualTo("([a-zA-Z0-9\\-]+\\.)+[a-zA-Z]{2,}|");
        for (String field :
                new String[] {"user.logonId", "user.phone", "organization.taxId", "organization.emailDomain"}) {
            Pattern html = Pattern.compile(rules.pattern(field));
            for (String value : new String[] {"jane.doe", "+49 (30) 1234-5", "DE 123/45", "example.com", "a b!", "ü"}) {
                assertThat(html.matcher(value).matches())
                        .as(field + " " + value)
                        .isEqualTo(value.matches(javaPattern(field)));
            }
        }
    }

    private static String javaPattern(String field) {
        return switch (field) {
            case "user.logonId" -> "[\\p{Alnum}._@+-]*";
            case "user.phone" -> "[0-9 +()./-]*";
            case "organization.taxId" -> "[\\p{Alnum} ./-]*";
            default -> "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|";
        };
    }
}
