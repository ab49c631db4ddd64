package com.b2bflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Camunda Modeler element templates in {@code .camunda/element-templates/} (where Modeler finds them). */
record ElementTemplates(String file, String id, int version, List<Property> properties) {

    static final Path FOLDER = Path.of(".camunda", "element-templates");

    /** One template property: its type (Hidden, String, Boolean, Dropdown), default value and binding. */
    record Property(String type, String value, String bindingType, String bindingName) {}

    static List<ElementTemplates> all() {
        ObjectMapper json = new ObjectMapper();
        List<ElementTemplates> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(file.toFile());
                for (JsonNode template : root.isArray() ? root : List.of(root)) {
                    templates.add(read(file.getFileName().toString(), template));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no element templates in " + FOLDER.toAbsolutePath());
        }
        return templates;
    }

    private static ElementTemplates read(String file, JsonNode template) {
        List<Property> properties = new ArrayList<>();
        for (JsonNode property : template.path("properties")) {
            JsonNode value = property.path("value");
            properties.add(new Property(
                    property.path("type").asText(),
                    value.isMissingNode() ? null : value.asText(),
                    property.path("binding").path("type").asText(),
                    property.path("binding").path("name").asText()));
        }
        return new ElementTemplates(
                file, template.path("id").asText(), template.path("version").asInt(), List.copyOf(properties));
    }

    /** The value of the property bound to the BPMN attribute {@code camunda:<name>}, if the template sets one. */
    Optional<Property> attribute(String name) {
        return properties.stream()
                .filter(p ->
                        p.bindingType().equals("property") && p.bindingName().equals("camunda:" + name))
                .findFirst();
    }

    List<String> inputParameters() {
        return properties.stream()
                .filter(p -> p.bindingType().equals("camunda:inputParameter"))
                .map(Property::bindingName)
                .toList();
    }

    /** The bean a delegate template calls: {@code notifyStaff} for {@code ${notifyStaff}}. */
    Optional<String> delegateBean() {
        return attribute("delegateExpression").map(Property::value).map(ElementTemplates::beanOf);
    }

    static String beanOf(String expression) {
        if (expression == null || !expression.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")) {
            throw new IllegalArgumentException("not a bean expression ${name}: " + expression);
        }
        return expression.substring(2, expression.length() - 1);
    }

    @Override
    public String toString() {
        return id + " (" + file + ")";
    }
}
