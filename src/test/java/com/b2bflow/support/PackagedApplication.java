package com.b2bflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as {@code mvn package} built it, in the layout the image runs ({@code java -Djarmode=tools -jar
 * app.jar extract}: the application jar beside {@code lib/}), with a class-data-sharing archive of its classes. Test
 * nodes start from it, so the node tests run the artifact users get, and start faster: the first node that stops
 * normally leaves the archive of the classes it loaded ({@code -XX:ArchiveClassesAtExit}), and every later node maps
 * them instead of loading, parsing and verifying them again (a node started in 7.6 s instead of 11.7 s here,
 * Java 25, 2026-12-07). A classpath of directories cannot be archived, which is why the nodes no longer start from
 * {@code target/classes}.
 *
 * <p>Only a jar packaged after the last compilation is used: {@code mvn verify} packages before its integration
 * tier, while {@code mvn test -Dtest=NodeKillTest} after a change finds the jar older than the classes and the node
 * starts from the test classpath, as before.
 */
final class PackagedApplication {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private final Path directory;
    private final Path jar;

    private PackagedApplication(Path directory, Path jar) {
        this.directory = directory;
        this.jar = jar;
    }

    /** The extracted application of an up-to-date package, or empty when there is none. */
    static synchronized Optional<PackagedApplication> current() {
        try {
            Optional<Path> packaged = upToDatePackage();
            if (packaged.isEmpty()) {
                return Optional.empty();
            }
            Path jar = packaged.get();
            Path directory = TARGET.resolve("nodes")
                    .resolve("app-" + Files.getLastModifiedTime(jar).toMillis());
            extractOnce(jar, directory);
            return Optional.of(new PackagedApplication(directory, directory.resolve(jar.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM arguments that start this application: with the shared classes once archived, else writing them. */
    List<String> launchArguments(Optional<Path> archiveToWrite) {
        List<String> arguments = new ArrayList<>();
        if (Files.exists(archive())) {
            arguments.add("-XX:SharedArchiveFile=" + archive());
        } else {
            archiveToWrite.ifPresent(file -> arguments.add("-XX:ArchiveClassesAtExit=" + file));
        }
        arguments.addAll(List.of("-Xlog:cds=error", "-jar", jar.toString()));
        return arguments;
    }

    /** A file for a node to write the archive to, its own so that two nodes never write one file; empty if done. */
    Optional<Path> archiveToWrite() {
        return Files.exists(archive())
                ? Optional.empty()
                : Optional.of(directory.resolve("classes-" + UUID.randomUUID() + ".jsa.part"));
    }

    /** Publishes the archive a node wrote when it stopped; the rename is atomic, so no node maps half a file. */
    void publish(Path archiveInProgress) {
        try {
            if (Files.exists(archiveInProgress) && Files.size(archiveInProgress) > 0) {
                Files.move(
                        archiveInProgress,
                        archive(),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops what a killed or failed node may have written of its archive. */
    void discard(Path archiveInProgress) {
        try {
            Files.deleteIfExists(archiveInProgress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One archive per Java version: an archive maps only into the JVM that wrote it. */
    private Path archive() {
        return directory.resolve("classes-java-" + Runtime.version() + ".jsa");
    }

    private static Optional<Path> upToDatePackage() throws IOException {
        Path classes = TARGET.resolve("classes");
        if (!Files.isDirectory(classes)) {
            return Optional.empty();
        }
        Optional<Path> jar;
        try (Stream<Path> files = Files.list(TARGET)) {
            jar = files.filter(file -> file.getFileName().toString().matches("b2b-registration-.*\\.jar"))
                    .findFirst();
        }
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        FileTime packaged = Files.getLastModifiedTime(jar.get());
        try (Stream<Path> compiled = Files.walk(classes)) {
            boolean newerClass = compiled.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(packaged) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return newerClass ? Optional.empty() : jar;
        }
    }

    /** Extracts the jar once per package, also across the test JVMs of one build (a file lock). */
    private static void extractOnce(Path jar, Path directory) throws IOException {
        Path done = directory.resolve(".extracted");
        Files.createDirectories(directory.getParent());
        try (FileChannel lockFile = FileChannel.open(
                        directory.getParent().resolve("app.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (Files.exists(done)) {
                return;
            }
            Process extract = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.getParent().resolve("extract.log").toFile())
                    .start();
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("Could not extract " + jar + "; see target/nodes/extract.log");
            }
            Files.createFile(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
