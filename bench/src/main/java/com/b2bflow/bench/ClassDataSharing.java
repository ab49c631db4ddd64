package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as docker/Dockerfile ships it: Spring Boot's extracted layout ({@code java -Djarmode=tools -jar
 * app.jar extract}) and a class data sharing archive written by a training run ({@code -XX:ArchiveClassesAtExit},
 * {@code -Dspring.context.exit=onRefresh}, on an in-memory H2 database) with the same JVM flags. Prepared once per
 * jar in {@code target/bench/cds/}.
 */
final class ClassDataSharing {

    static final Path DIRECTORY = BenchmarkRunner.OUT.resolve("cds").toAbsolutePath();
    static final Path JAR = DIRECTORY.resolve("app.jar");
    static final Path ARCHIVE = DIRECTORY.resolve("app.jsa");

    private ClassDataSharing() {
    }

    /**
     * Extracts the jar and trains the archive unless the archive there was trained for the same jar content, the same
     * flags and the same JVM (an archive only maps into the JVM build that wrote it).
     */
    static void prepare(Path packagedJar, String javaOpts) throws IOException, InterruptedException {
        Path key = DIRECTORY.resolve("archive-key.txt");
        String expected = javaOpts + "\n" + contentKey(packagedJar) + "\n" + System.getProperty("java.home") + " "
                + System.getProperty("java.vm.version");
        if (Files.exists(ARCHIVE) && Files.exists(key) && Files.readString(key).equals(expected)) {
            return;
        }
        Log.info("footprint: extracting the jar and training the class data sharing archive (as the Dockerfile)");
        deleteRecursively(DIRECTORY);
        Files.createDirectories(DIRECTORY);
        run(List.of(java(), "-Djarmode=tools", "-jar", packagedJar.toAbsolutePath().toString(), "extract",
                "--destination", DIRECTORY.toString(), "--force"), DIRECTORY.resolve("extract.log"));
        if (!Files.exists(JAR)) {
            try (var files = Files.list(DIRECTORY)) {
                Path extracted = files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Nothing extracted to " + DIRECTORY));
                Files.move(extracted, JAR);
            }
        }
        List<String> training = new ArrayList<>();
        training.add(java());
        training.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        training.addAll(trainingArguments());
        run(training, DIRECTORY.resolve("training.log"));
        if (!Files.exists(ARCHIVE)) {
            throw new IllegalStateException("Training run wrote no archive; see " + DIRECTORY.resolve("training.log"));
        }
        Files.writeString(key, expected);
    }

    /**
     * What the jar contains (entry names, sizes and CRCs, not their timestamps, which every {@code mvn package}
     * renews): an unchanged application reuses its archive.
     */
    static String contentKey(Path jar) throws IOException {
        long hash = 1125899906842597L;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                hash = 31 * hash + entry.getName().hashCode();
                hash = 31 * hash + entry.getCrc();
                hash = 31 * hash + entry.getSize();
            }
        }
        return Long.toHexString(hash);
    }

    /** What the Dockerfile's training run passes (keep in sync with docker/Dockerfile). */
    static List<String> trainingArguments() {
        return List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dspring.context.exit=onRefresh", "-jar", JAR.toString(),
                "--spring.datasource.url=jdbc:h2:mem:cds", "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--spring.mail.host=localhost", "--app.demo-mailbox.enabled=false",
                "--server.port=0");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Exit " + process.exitValue() + ": " + command + "; see " + log);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
