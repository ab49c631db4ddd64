package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * An application as docker/Dockerfile ships it: Spring Boot's extracted layout ({@code java -Djarmode=tools -jar
 * app.jar extract}) and an AOT cache (JEP 483/514/515) from one training run with the same JVM and flags. The
 * product's cache is trained by {@code docker/aot-cache.sh}, the script the Dockerfile runs; the bare Camunda
 * application's by a start, Tasklist's first page as admin and a stop. Prepared once per jar content, flags and JVM
 * in {@code target/bench/aot/<name>/}.
 */
final class AotCache {

    final Path directory;
    final Path jar;
    final Path cache;
    final boolean used;

    private AotCache(Path directory, boolean used) {
        this.directory = directory;
        this.jar = directory.resolve("app.jar");
        this.cache = directory.resolve("app.aot");
        this.used = used;
    }

    /**
     * The JVM flags to start the extracted jar with: {@code flags} and the cache (when the JVM has one), with
     * {@code -XX:AOTMode=on}: a cache the JVM cannot use fails the start instead of being measured without it.
     */
    String launchFlags(String flags) {
        return used ? flags + " -XX:AOTCache=" + cache + " -XX:AOTMode=on" : flags;
    }

    /** The product, trained by docker/aot-cache.sh with {@code flags} and {@code environment}. */
    static AotCache product(Path packagedJar, String flags, Map<String, String> environment) throws Exception {
        AotCache aot = extract("product", packagedJar, flags);
        if (aot.used && !aot.fresh(packagedJar, flags)) {
            Log.info("footprint: training the product's AOT cache with docker/aot-cache.sh (as the Dockerfile)");
            List<String> command = List.of(
                    "bash", Path.of("docker", "aot-cache.sh").toAbsolutePath().toString(), aot.directory.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(aot.directory.resolve("aot-cache.log").toFile());
            builder.environment().putAll(environment);
            builder.environment().put("JAVA", ApplicationJvm.java());
            builder.environment().put("JAVA_OPTS", flags);
            builder.environment().put("AOT_TRAINING_PORT", String.valueOf(JarNode.freePort()));
            builder.environment().put("AOT_TRAINING_MAIL_PORT", String.valueOf(JarNode.freePort()));
            Process training = builder.start();
            if (!training.waitFor(20, TimeUnit.MINUTES) || training.exitValue() != 0 || !Files.exists(aot.cache)) {
                training.destroyForcibly();
                throw new IllegalStateException("AOT training failed; see " + aot.directory.resolve("aot-cache.log")
                        + " and " + aot.directory.resolve("aot-training.log"));
            }
            aot.remember(packagedJar, flags);
        }
        return aot;
    }

    /** The bare Camunda application: start on an in-memory H2, Tasklist's first page as admin, stop. */
    static AotCache bareCamunda(Path packagedJar, String flags, Map<String, String> environment) throws Exception {
        AotCache aot = extract("bare-camunda", packagedJar, flags);
        if (aot.used && !aot.fresh(packagedJar, flags)) {
            Log.info("footprint: training the bare Camunda application's AOT cache");
            try (JarNode training = JarNode.launch(
                    "bare-camunda-aot-training",
                    aot.jar,
                    flags + " -XX:AOTCacheOutput=" + aot.cache,
                    Map.of("spring.datasource.url", "jdbc:h2:mem:aot;DB_CLOSE_DELAY=-1"),
                    environment)) {
                training.awaitHealthy(BenchmarkRunner.startTimeout());
                TasklistPage.open(new Http(training.url(""), 2), "admin");
                training.stop(600);
            }
            if (!Files.exists(aot.cache)) {
                throw new IllegalStateException("The bare Camunda application's training run wrote no AOT cache");
            }
            aot.remember(packagedJar, flags);
        }
        return aot;
    }

    private static AotCache extract(String name, Path packagedJar, String flags) throws Exception {
        Path directory = BenchmarkRunner.OUT.resolve("aot").resolve(name).toAbsolutePath();
        AotCache aot = new AotCache(directory, ApplicationJvm.hasAotCache());
        if (aot.fresh(packagedJar, flags)) {
            return aot;
        }
        deleteRecursively(directory);
        Files.createDirectories(directory);
        // extracted as the Dockerfile does it: a jar named app.jar gives the layout's app.jar
        Path copy = directory.resolve("packaged").resolve("app.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(packagedJar, copy);
        Process extract = new ProcessBuilder(
                        ApplicationJvm.java(),
                        "-Djarmode=tools",
                        "-jar",
                        copy.toString(),
                        "extract",
                        "--destination",
                        directory.toString(),
                        "--force")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("extract.log").toFile())
                .start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("Could not extract " + packagedJar + "; see " + directory);
        }
        deleteRecursively(copy.getParent());
        if (!Files.exists(aot.jar)) {
            throw new IllegalStateException("Nothing extracted to " + directory + "; see its extract.log");
        }
        if (!aot.used) {
            aot.remember(packagedJar, flags);
        }
        return aot;
    }

    /** Whether the cache there was made for the same jar content, the same flags and the same JVM. */
    private boolean fresh(Path packagedJar, String flags) throws IOException {
        Path key = directory.resolve("cache-key.txt");
        return Files.exists(jar)
                && (!used || Files.exists(cache))
                && Files.exists(key)
                && Files.readString(key).equals(key(packagedJar, flags));
    }

    private void remember(Path packagedJar, String flags) throws IOException {
        Files.writeString(directory.resolve("cache-key.txt"), key(packagedJar, flags));
    }

    private static String key(Path packagedJar, String flags) throws IOException {
        return flags + "\n" + contentKey(packagedJar) + "\n" + ApplicationJvm.java() + " " + ApplicationJvm.version()
                + "\n" + Files.getLastModifiedTime(Path.of("docker", "aot-cache.sh")) + " "
                + Files.getLastModifiedTime(Path.of("docker", "workload.sh"));
    }

    /**
     * What the jar contains (entry names, sizes and CRCs, not their timestamps, which every {@code mvn package}
     * renews): an unchanged application reuses its cache.
     */
    static String contentKey(Path jar) throws IOException {
        long hash = 1125899906842597L;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                hash = 31 * hash + entry.getName().hashCode();
                hash = 31 * hash + entry.getCrc();
                hash = 31 * hash + entry.getSize();
            }
        }
        return Long.toHexString(hash);
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
