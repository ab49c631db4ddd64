package com.b2bflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders an OpenAPI document as Markdown that a repository browser shows without any tool: docs/api/reference.md. */
final class OpenApiMarkdown {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApiMarkdown() {}

    static String render(JsonNode document) {
        StringBuilder out = new StringBuilder();
        out.append("# ")
                .append(document.at("/info/title").asText())
                .append("\n\n")
                .append("<!-- generated from openapi.json by OpenApiDocumentTest; do not edit -->\n\n")
                .append(document.at("/info/description").asText())
                .append("\n\n")
                .append("Security schemes:\n\n");
        document.at("/components/securitySchemes")
                .fields()
                .forEachRemaining(scheme -> out.append("- `")
                        .append(scheme.getKey())
                        .append("`: ")
                        .append(oneLine(scheme.getValue().path("description")))
                        .append('\n'));
        Map<String, List<String>> byTag = new TreeMap<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> METHODS.forEach(method -> {
                    JsonNode operation = path.getValue().path(method);
                    if (!operation.isMissingNode()) {
                        byTag.computeIfAbsent(operation.at("/tags/0").asText("Other"), tag -> new ArrayList<>())
                                .add(operation(method, path.getKey(), operation));
                    }
                }));
        byTag.forEach((tag, operations) -> {
            out.append("\n## ").append(tag).append('\n');
            operations.forEach(out::append);
        });
        out.append("\n## Schemas\n");
        document.at("/components/schemas")
                .fields()
                .forEachRemaining(schema -> out.append(schema(schema.getKey(), schema.getValue())));
        return out.toString();
    }

    private static String operation(String method, String path, JsonNode operation) {
        StringBuilder out = new StringBuilder("\n### `")
                .append(method.toUpperCase())
                .append(' ')
                .append(path)
                .append("`\n\n");
        if (operation.has("summary")) {
            out.append(oneLine(operation.path("summary"))).append("\n\n");
        }
        if (operation.has("description")) {
            out.append(oneLine(operation.path("description"))).append("\n\n");
        }
        out.append("Security: ").append(security(operation.path("security"))).append("\n\n");
        for (JsonNode parameter : operation.path("parameters")) {
            out.append("- ")
                    .append(parameter.path("in").asText())
                    .append(" `")
                    .append(parameter.path("name").asText())
                    .append("`")
                    .append(parameter.path("required").asBoolean() ? " (required)" : "")
                    .append(": ")
                    .append(type(parameter.path("schema")));
            if (parameter.has("description")) {
                out.append(", ").append(oneLine(parameter.path("description")));
            }
            out.append('\n');
        }
        operation
                .at("/requestBody/content")
                .fields()
                .forEachRemaining(content -> out.append("- body `")
                        .append(content.getKey())
                        .append("`: ")
                        .append(type(content.getValue().path("schema")))
                        .append('\n'));
        operation
                .path("responses")
                .fields()
                .forEachRemaining(response -> out.append("- ")
                        .append(response.getKey())
                        .append(": ")
                        .append(oneLine(response.getValue().path("description")))
                        .append('\n'));
        return out.toString();
    }

    private static String schema(String name, JsonNode schema) {
        StringBuilder out = new StringBuilder("\n### ").append(name).append("\n\n");
        if (!schema.has("properties")) {
            return out.append(type(schema)).append('\n').toString();
        }
        out.append("| property | type |\n|---|---|\n");
        schema.path("properties")
                .fields()
                .forEachRemaining(property -> out.append("| `")
                        .append(property.getKey())
                        .append("` | ")
                        .append(type(property.getValue()).replace("|", "\\|"))
                        .append(" |\n"));
        return out.toString();
    }

    private static String security(JsonNode requirements) {
        if (requirements.isEmpty()) {
            return "none";
        }
        List<String> alternatives = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            List<String> schemes = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(scheme -> schemes.add("`" + scheme + "`"));
            alternatives.add(String.join(" + ", schemes));
        }
        return String.join(" or ", alternatives);
    }

    private static String type(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return "[" + name + "](#" + name.toLowerCase() + ")";
        }
        if (schema.has("items")) {
            return "array of " + type(schema.path("items"));
        }
        if (schema.has("additionalProperties")
                && schema.path("additionalProperties").isObject()) {
            return "map of " + type(schema.path("additionalProperties"));
        }
        StringBuilder type = new StringBuilder(schema.path("type").asText("object"));
        if (schema.has("format")) {
            type.append(" (").append(schema.path("format").asText()).append(')');
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            for (Iterator<JsonNode> it = schema.path("enum").elements(); it.hasNext(); ) {
                values.add(it.next().asText());
            }
            type.append(": ").append(String.join(", ", values));
        }
        return type.toString();
    }

    private static String oneLine(JsonNode text) {
        return text.asText().replace('\n', ' ').strip();
    }
}
