package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.Yaml;

/** The strength the product ships, and hashes of another strength still checked after the setting changes. */
class PasswordHashingTest {

    @Test
    void theProductHashesAtStrengthTenByDefault() throws IOException {
        assertThat(shippedStrength()).isEqualTo(10);
        String hash = new PasswordHashing().passwordEncoder(10).encode("Correct horse 42");

        assertThat(hash).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void aHashOfAnotherStrengthStillMatchesAfterTheSettingChanged() {
        PasswordEncoder stronger = new PasswordHashing().passwordEncoder(12);
        String storedAtFour = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("Correct horse 42");

        assertThat(stronger.matches("Correct horse 42", storedAtFour)).isTrue();
        assertThat(stronger.matches("Correct horse 43", storedAtFour)).isFalse();
    }

    @Test
    void aHashOfAnotherKnownAlgorithmIsStillChecked() {
        PasswordEncoder encoder = new PasswordHashing().passwordEncoder(4);

        assertThat(encoder.matches("demo", "{noop}demo")).isTrue();
        assertThat(encoder.matches("other", "{noop}demo")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static int shippedStrength() throws IOException {
        try (InputStream yaml = PasswordHashingTest.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> defaults = new Yaml().loadAll(yaml).iterator().next() instanceof Map<?, ?> first
                    ? (Map<String, Object>) first
                    : Map.of();
            Map<String, Object> app = (Map<String, Object>) defaults.get("app");
            Map<String, Object> security = (Map<String, Object>) app.get("security");
            return (Integer) security.get("password-hash-strength");
        }
    }
}
