package com.b2bflow.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the benchmarks of issue 8 and writes {@code target/bench/results.json}, {@code results.md} and
 * {@code intake.svg}. Every figure has a baseline measured in the same run, so that a busy machine shows in both.
 * Started by {@code bench/run}; {@code --quick} uses smaller sizes; {@code --only=intake,footprint,lifecycle,scale}
 * runs some of them.
 */
public final class BenchmarkRunner {

    static final Path OUT = Path.of("target", "bench");

    final boolean quick;
    final Set<String> only;
    final Results results = new Results();
    final AtomicInteger databases = new AtomicInteger();
    GreenMail mail;
    final java.util.concurrent.atomic.AtomicLong mailsAccepted = new java.util.concurrent.atomic.AtomicLong();
    EmbeddedPostgres postgres;

    BenchmarkRunner(boolean quick, Set<String> only) {
        this.quick = quick;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(List.of("intake", "footprint", "lifecycle", "scale"));
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(List.of(arg.substring(7).split(",")));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + " (use --quick, --only=intake,...)");
            }
        }
        BenchmarkRunner runner = new BenchmarkRunner(quick, only);
        int status = 0;
        try {
            runner.run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        } finally {
            runner.stop();
        }
        System.exit(status);
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(OUT);
        describeMachine();
        int smtpPort = Integer.getInteger("bench.smtp.port", 3971);
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        // counts mails as the SMTP server accepts them: asking GreenMail for its messages walks every mailbox, which
        // grows with every registration (one mailbox per applicant) and slowed the application in this JVM
        var users = mail.getUserManager();
        var delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            var user = delivery.handle(message, address);
            mailsAccepted.incrementAndGet();
            return user;
        });
        Log.info(
                "mode %s; SMTP server (GreenMail) on 127.0.0.1:%d; starting embedded PostgreSQL",
                quick ? "QUICK (smaller sizes, see results.json)" : "full", smtpPort);
        var server = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("bench.profile")) {
            server.setServerConfig("shared_preload_libraries", PostgresStatements.PRELOAD);
        }
        postgres = server.start();
        if (only.contains("intake") || only.contains("footprint")) {
            new IntakeAndFootprint(this).run();
        }
        if (only.contains("lifecycle") || only.contains("scale")) {
            new LifecycleAndScale(this).run();
        }
        results.root.put("total_seconds", Stats.round((System.nanoTime() - started) / 1e9, 1));
        results.write(OUT);
        if (results.root.has("intake")) {
            IntakePlot.write(results.root, OUT.resolve("intake.svg"));
        }
        System.out.println();
        System.out.println("Benchmark results (" + (quick ? "QUICK run: smaller sizes" : "full run") + "), "
                + OUT.resolve("results.json") + ":");
        System.out.println();
        System.out.print(results.markdown());
        Log.info("done in %.0f s", (System.nanoTime() - started) / 1e9);
    }

    private void describeMachine() throws IOException {
        ObjectNode machine = results.root.putObject("machine");
        machine.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpu_model", cpuModel());
        machine.put(
                "memory_mib",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getTotalMemorySize()
                        / (1024 * 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("load_average_at_start", loadAverage());
        results.root.put("mode", quick ? "quick" : "full");
        Log.info(
                "machine: %d CPUs (%s), load average %s",
                machine.get("cpus").asInt(),
                machine.get("cpu_model").asText(),
                machine.get("load_average_at_start").asText());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A fresh database on the embedded PostgreSQL server: Spring datasource properties. */
    Map<String, String> newPostgresDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", name));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        return properties;
    }

    /**
     * What every application under test gets: local SMTP, demo staff (mail recipients), and a per-address rate limit
     * of registrations high enough for a load generator on one address. The job executor runs as the product ships
     * it (application.yaml): no benchmark-only waits.
     */
    Map<String, String> applicationProperties(Map<String, String> database) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(mail.getSmtp().getPort()));
        properties.put("app.demo-data.enabled", "true");
        properties.put("app.demo-mailbox.enabled", "false");
        properties.put("camunda.bpm.admin-user.id", "admin");
        properties.put("camunda.bpm.admin-user.password", "demo");
        // every request comes from 127.0.0.1: the per-address limit of public POSTs stays in the path, but high
        properties.put("app.security.rate-limit.requests", "100000000");
        // the postgres profile requires HTTPS (production runs behind a TLS proxy); the load generator speaks plain
        // http
        properties.put("app.security.require-https", "false");
        return properties;
    }

    /**
     * The JVM flags docker/Dockerfile ships (its {@code ENV JAVA_OPTS=...} line), or {@code -Dbench.javaOpts}; the
     * image adds its AOT cache ({@link AotCache}).
     */
    static String shippedJavaOpts() throws IOException {
        String override = System.getProperty("bench.javaOpts", "");
        if (!override.isBlank()) {
            return override;
        }
        for (String line : Files.readAllLines(Path.of("docker", "Dockerfile"))) {
            if (line.startsWith("ENV JAVA_OPTS=")) {
                return line.substring("ENV JAVA_OPTS=".length())
                        .replace("\"", "")
                        .strip();
            }
        }
        throw new IllegalStateException("docker/Dockerfile has no ENV JAVA_OPTS line");
    }

    /** The environment docker/Dockerfile sets for the JVM besides JAVA_OPTS ({@code ENV MALLOC_ARENA_MAX=...}). */
    static Map<String, String> shippedEnvironment() throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docker", "Dockerfile"))) {
            if (line.startsWith("ENV MALLOC_ARENA_MAX=")) {
                environment.put(
                        "MALLOC_ARENA_MAX",
                        line.substring("ENV MALLOC_ARENA_MAX=".length()).strip());
            }
        }
        return environment;
    }

    static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("b2b-registration-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run mvn package"));
        }
    }

    ObjectNode section(String name) {
        return results.root.with(name);
    }

    ArrayNode array(ObjectNode node, String name) {
        return node.putArray(name);
    }

    void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                Log.info("could not stop PostgreSQL: %s", e);
            }
        }
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(300);
    }

    static List<Integer> list(int... values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }
}
