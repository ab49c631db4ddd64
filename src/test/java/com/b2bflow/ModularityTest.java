package com.b2bflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * Every top-level package of {@code com.b2bflow} is an application module: no cycles between modules, and no module
 * uses another's internals (its sub-packages). The module diagrams and canvases in {@code docs/architecture/} are
 * generated from the code, and this test fails when they no longer match it.
 */
class ModularityTest {

    static final Path CHECKED_IN = Path.of("docs/architecture");
    static final Path GENERATED = Path.of("target/architecture-docs");
    static final String REFRESH = "mvn -B -ntp -q test -Dtest=ModularityTest -Darchitecture.docs.refresh=true";

    static final ApplicationModules MODULES = ApplicationModules.of(B2bRegistrationApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void architectureDocsMatchTheCode() throws IOException {
        write(GENERATED);
        if (Boolean.getBoolean("architecture.docs.refresh")) {
            replace(CHECKED_IN, GENERATED);
        }
        Map<String, String> expected = read(GENERATED);
        Map<String, String> actual = read(CHECKED_IN);
        List<String> stale = new ArrayList<>();
        expected.forEach((name, text) -> {
            if (!text.equals(actual.get(name))) {
                stale.add(actual.containsKey(name) ? name + " (changed)" : name + " (missing)");
            }
        });
        actual.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> stale.add(name + " (no module any more)"));
        assertThat(stale)
                .as("docs/architecture/ no longer matches the modules in the code; run `" + REFRESH
                        + "` and commit docs/architecture/")
                .isEmpty();
    }

    /**
     * The whole system and each module as C4 component diagrams with a canvas per module, and the same diagrams in
     * UML style under {@code uml/}.
     */
    static void write(Path folder) {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
        DiagramOptions uml = DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(
                        MODULES,
                        Documenter.Options.defaults()
                                .withOutputFolder(folder.resolve("uml").toString()))
                .writeModulesAsPlantUml(uml)
                .writeIndividualModulesAsPlantUml(uml);
        try (Stream<Path> diagrams = Files.walk(folder)) {
            for (Path diagram :
                    diagrams.filter(path -> path.toString().endsWith(".puml")).toList()) {
                Files.writeString(diagram, canonical(Files.readString(diagram)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The diagram with its elements and relations in sorted order: Structurizr writes them in hash order, so without
     * this the same modules would give a different text at every run.
     */
    static String canonical(String diagram) {
        return String.join("\n", sorted(List.of(diagram.split("\n", -1))));
    }

    /** Sorts each run of statements of one kind; a statement is a line, or a block from "... {" to its "}". */
    private static List<String> sorted(List<String> lines) {
        List<List<String>> statements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.stripTrailing().endsWith("{")) {
                statements.add(List.of(line));
                continue;
            }
            int end = i + 1;
            for (int depth = 1; end < lines.size(); end++) {
                String inner = lines.get(end).strip();
                depth += inner.endsWith("{") ? 1 : inner.equals("}") ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            List<String> block = new ArrayList<>();
            block.add(line);
            block.addAll(sorted(lines.subList(i + 1, Math.min(end, lines.size()))));
            if (end < lines.size()) {
                block.add(lines.get(end));
            }
            statements.add(block);
            i = end;
        }
        List<String> result = new ArrayList<>();
        for (int start = 0, next; start < statements.size(); start = next) {
            String kind = kind(statements.get(start));
            next = start + 1;
            while (next < statements.size() && !kind.isEmpty() && kind.equals(kind(statements.get(next)))) {
                next++;
            }
            statements.subList(start, next).stream()
                    .map(statement -> String.join("\n", statement))
                    .sorted()
                    .forEach(result::add);
        }
        return result;
    }

    /** The leading word of a statement ({@code Rel}, {@code component}, ...); empty for braces, blanks and directives. */
    private static String kind(List<String> statement) {
        Matcher word = Pattern.compile("^\\s*([A-Za-z_]+)").matcher(statement.get(0));
        return word.find() ? word.group(1) : "";
    }

    static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(
                        folder.relativize(path).toString(),
                        Files.readString(path).replace("\r\n", "\n"));
            }
        }
        return files;
    }

    static void replace(Path target, Path source) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.filter(Files::isRegularFile).forEach(ModularityTest::delete);
            }
        }
        try (Stream<Path> fresh = Files.walk(source)) {
            for (Path path : fresh.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(path));
                Files.createDirectories(copy.getParent());
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
