package com.b2bflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.BothLanguages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code names for a problem a person reads (a field problem, a conflict, a contract rule, an
 * HCL parameter's problem) is in the message files in English and German: a key that is missing would turn a
 * person's mistake into a 500. The keys are found in the sources, so a new one is checked without a new test.
 */
class ProblemMessageKeysTest {

    private static final Pattern KEY = Pattern.compile(
            "\"((?:problem|conflict|contract|hcl\\.problem|hcl\\.forbidden|csr|activate|validation)\\.[A-Za-z0-9.]+"
                    + "|hcl\\.problems)\"");

    @Test
    void everyProblemKeyOfTheCodeHasBothTexts() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(40).contains("conflict.invitationExpired", "hcl.problem.unknownParameter");
        var messages = BothLanguages.messages();
        messages.setUseCodeAsDefaultMessage(false);
        List<String> missing = keys.stream()
                .filter(key -> Stream.of(Locale.ENGLISH, Locale.GERMAN)
                        .anyMatch(locale -> messages.getMessage(key, null, null, locale) == null))
                .toList();
        assertThat(missing).as("keys without a text").isEmpty();
    }
}
