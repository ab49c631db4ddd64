package com.b2bflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.b2bflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document of the running application is the one checked in as {@code docs/api/openapi.json}, and
 * {@code docs/api/reference.md} is its rendering. {@code -Dopenapi.refresh=true} writes both instead of comparing.
 */
@IntegrationTest
class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("docs/api/openapi.json");
    static final Path REFERENCE = Path.of("docs/api/reference.md");
    static final String REFRESH = "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.refresh=true";

    final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    MockMvc mvc;

    @Test
    void theCheckedInDocumentIsTheRunningApplicationsDocument() throws Exception {
        JsonNode running = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String reference = OpenApiMarkdown.render(running);
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(DOCUMENT, json.writeValueAsString(running) + "\n");
            Files.writeString(REFERENCE, reference);
        }
        assertThat(json.readTree(Files.readString(DOCUMENT)))
                .as(
                        "%s differs from the running application's "
                                + "/v3/api-docs: an API change needs a fresh copy; refresh with %s and commit it",
                        DOCUMENT, REFRESH)
                .isEqualTo(running);
        assertThat(Files.readString(REFERENCE))
                .as("%s is not the rendering of the API; refresh with %s", REFERENCE, REFRESH)
                .isEqualTo(reference);
    }

    @Test
    void theDocumentNamesTheProductAndItsSecuritySchemes() throws Exception {
        JsonNode document = json.readTree(Files.readString(DOCUMENT));
        assertThat(document.at("/info/title").asText()).isEqualTo("B2B registration API");
        assertThat(document.at("/components/securitySchemes/staffBasic/scheme").asText())
                .isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/storefrontSession/in")
                        .asText())
                .isEqualTo("cookie");
        assertThat(document.at("/components/securitySchemes/csrfToken/name").asText())
                .isEqualTo("X-XSRF-TOKEN");
        assertThat(document.at("/paths/~1api~1staff~1users~1{id}/delete/security/0/staffBasic")
                        .isArray())
                .isTrue();
        assertThat(document.at("/paths/~1api~1me~1buyers~1{id}/patch/security/0/csrfToken")
                        .isArray())
                .isTrue();
        assertThat(document.at("/paths/~1api~1registrations~1{flow}/post").has("security"))
                .isFalse();
        assertThat(document.at("/paths/~1api~1password-reset/post").has("security"))
                .as("public, as the security chain has it")
                .isFalse();
        assertThat(document.at("/paths/~1api~1invitations~1{token}/post").has("security"))
                .isFalse();
    }

    @Test
    void theDocumentSpeaksOfTheProductOnly() throws Exception {
        String document = Files.readString(DOCUMENT);
        assertThat(document.toLowerCase(java.util.Locale.ROOT))
                .as("no internal references (sources, decisions, tickets) in the published document")
                .doesNotContain("seed", "adr ", "docs/", "issue ", "openapi definition");
        assertThat(json.readTree(document).at("/info/description").asText())
                .contains("storefrontSession", "csrfToken", "staffBasic");
    }
}
