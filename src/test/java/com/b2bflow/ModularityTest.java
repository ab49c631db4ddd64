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
        actual.keySet().stream().filter(name -> !expected.containsKey(name)).forEach(name -> stale.add(name + " (no module any more)"));
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
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();
        DiagramOptions uml = DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.resolve("uml").toString()))
                .writeModulesAsPlantUml(uml)
                .writeIndividualModulesAsPlantUml(uml);
    }

    static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), Files.readString(path).replace("\r\n", "\n"));
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
