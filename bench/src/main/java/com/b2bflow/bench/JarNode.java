package com.b2bflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application jar as its own process ({@code java $JAVA_OPTS -jar app.jar --k=v ...}) on the production runtime
 * ({@link ApplicationJvm}).
 */
final class JarNode implements AutoCloseable {

    final String name;
    final int port;
    final Process process;
    final Path log;
    final long launchedAtNanos;

    private JarNode(String name, int port, Process process, Path log, long launchedAtNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.launchedAtNanos = launchedAtNanos;
    }

    static JarNode launch(String name, Path jar, String javaOpts, Map<String, String> properties) throws IOException {
        return launch(name, jar, javaOpts, properties, Map.of());
    }

    static JarNode launch(
            String name, Path jar, String javaOpts, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        int port = freePort();
        Path workingDirectory = Path.of("target", "bench", "nodes", name).toAbsolutePath();
        Files.createDirectories(workingDirectory);
        Path log = workingDirectory.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ApplicationJvm.java());
        command.addAll(Arrays.stream(javaOpts.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        long launched = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new JarNode(name, port, process, log, launched);
    }

    /** Seconds from launch until {@code /actuator/health} first answers 200. */
    double awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return (System.nanoTime() - launchedAtNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Resident set size of the process in MiB (VmRSS from /proc). */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for " + process.pid());
    }

    /**
     * VmRSS split into its parts (RssAnon: heap, metaspace, code, thread stacks, malloc; RssFile: mapped files, among
     * them the AOT cache and the jars), in MiB.
     */
    java.util.Map<String, Double> rssPartsMiB() throws IOException {
        java.util.Map<String, Double> parts = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                parts.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
            }
        }
        return parts;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop(30);
    }

    /** SIGTERM, then at most {@code seconds} for the JVM to exit (a training run writes its AOT cache meanwhile). */
    void stop(int seconds) {
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
