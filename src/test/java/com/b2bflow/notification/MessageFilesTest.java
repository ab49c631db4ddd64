package com.b2bflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * messages.properties and messages_de.properties have the same keys, and a German text differs from the English
 * one unless it is on the list of texts that are the same in both languages.
 */
class MessageFilesTest {

    /** Keys whose German text is rightly the English one (names, formats, words both languages use). */
    static final Set<String> SAME_IN_BOTH = Set.of(
            "app.name",
            "history.field.name",
            "account.name",
            "account.dateFormat",
            "buyers.name",
            "organizations.name",
            "history.value.en",
            "buyers.status",
            "account.contractStatus",
            "organizations.details",
            "organizations.field.name",
            "staff.mailbox");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(german.stringPropertyNames());
        Set<String> onlyGerman = new TreeSet<>(german.stringPropertyNames());
        onlyGerman.removeAll(english.stringPropertyNames());
        assertThat(onlyEnglish).as("keys without a German text").isEmpty();
        assertThat(onlyGerman).as("keys without an English text").isEmpty();
    }

    @Test
    void germanTextsAreGerman() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        List<String> untranslated = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (text.equals(german.getProperty(key)) && !SAME_IN_BOTH.contains(key) && text.matches(".*\\p{L}{3,}.*")) {
                untranslated.add(key + "=" + text);
            }
        }
        assertThat(untranslated).as("German text identical to the English one").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageFilesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
