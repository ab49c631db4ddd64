package com.b2bflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run measured: {@code results.json} for machines and {@code results.md} (a table) for people. */
final class Results {

    final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    final ObjectNode root = json.createObjectNode();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One table row: what, figure, baseline, ratio, goal, met. */
    void row(String what, String figure, String baseline, String ratio, String goal, Boolean met) {
        rows.add(new String[] {what, figure, baseline, ratio, goal, met == null ? "" : met ? "yes" : "**no**"});
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        var machine = root.path("machine");
        md.append("Machine: ")
                .append(machine.path("cpus").asText())
                .append(" CPUs (")
                .append(machine.path("cpu_model").asText())
                .append("), ")
                .append(machine.path("memory_mib").asText())
                .append(" MiB, ")
                .append(machine.path("java").asText())
                .append("; ")
                .append(machine.path("date").asText())
                .append("; ")
                .append(root.path("mode").asText())
                .append(" run; load average at the start ")
                .append(machine.path("load_average_at_start").asText())
                .append(", at the end ")
                .append(BenchmarkRunner.loadAverage())
                .append(".\n\n");
        md.append("| what | figure | baseline (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        json.writeValue(directory.resolve("results.json").toFile(), root);
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    static String f(double value, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", value);
    }
}
