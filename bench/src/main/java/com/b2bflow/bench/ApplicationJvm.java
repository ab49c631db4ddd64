package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The JVM the applications under test run on: the production runtime, Java 25 (Temurin at
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}, or {@code BENCH_APP_JAVA_HOME}), as docker/Dockerfile's
 * {@code eclipse-temurin:25-jre}. Where it is absent the benchmark says so loudly and falls back to its own JVM without
 * the flags and the cache only Java 25 has: such figures are not the runtime users get.
 */
final class ApplicationJvm {

    static final Path DEFAULT_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** Flags the fallback JVM (Java 17) does not know. */
    private static final String JAVA_25_ONLY = "-XX:+UseCompactObjectHeaders";

    private static final Path HOME = home();

    private ApplicationJvm() {}

    private static Path home() {
        String configured = System.getenv("BENCH_APP_JAVA_HOME");
        Path home = configured == null || configured.isBlank() ? DEFAULT_HOME : Path.of(configured);
        if (Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return home;
        }
        Path fallback = Path.of(System.getProperty("java.home"));
        System.err.printf(
                "%n[bench] ************************************************************************%n"
                        + "[bench] Java 25 not found at %s (BENCH_APP_JAVA_HOME): the applications run on %s (Java %s)%n"
                        + "[bench] WITHOUT the AOT cache and the Java 25 flags. These figures are NOT the production runtime.%n"
                        + "[bench] ************************************************************************%n%n",
                home, fallback, System.getProperty("java.version"));
        return fallback;
    }

    static String java() {
        return tool("java");
    }

    /** A tool of the same JDK ({@code jcmd}: one that speaks to the application's JVM). */
    static String tool(String name) {
        return HOME.resolve("bin").resolve(name).toString();
    }

    /** The version the {@code release} file of the JDK names, e.g. {@code 25.0.3}. */
    static String version() {
        try {
            return Files.readAllLines(HOME.resolve("release")).stream()
                    .filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst()
                    .orElse(System.getProperty("java.version"));
        } catch (IOException e) {
            return System.getProperty("java.version");
        }
    }

    static int feature() {
        return Integer.parseInt(version().split("[.+-]")[0]);
    }

    /** Whether the JVM has the AOT cache with one-step training (JEP 514: Java 25). */
    static boolean hasAotCache() {
        return feature() >= 25;
    }

    /** The shipped flags as this JVM takes them (without the Java 25 ones on an older JVM). */
    static String flags(String shipped) {
        if (feature() >= 25) {
            return shipped;
        }
        return Arrays.stream(shipped.trim().split("\\s+"))
                .filter(flag -> !flag.equals(JAVA_25_ONLY))
                .collect(Collectors.joining(" "));
    }
}
