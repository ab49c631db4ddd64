package com.b2bflow.bench;

import static com.b2bflow.bench.Results.f;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The approval lifecycle on H2 and on PostgreSQL (application in this JVM against a bare engine on a database of the
 * same kind), then, on the PostgreSQL application, the queries at scale.
 */
final class LifecycleAndScale {

    private final BenchmarkRunner run;

    LifecycleAndScale(BenchmarkRunner run) {
        this.run = run;
    }

    void run() throws Exception {
        boolean lifecycle = run.only.contains("lifecycle");
        // -Dbench.lifecycle.databases=h2 (or postgres) for profiling one of them
        String databases = System.getProperty("bench.lifecycle.databases", "h2,postgres");
        if (lifecycle && databases.contains("h2")) {
            Map<String, String> h2 = new HashMap<>();
            h2.put("spring.datasource.url", "jdbc:h2:mem:bench_app;DB_CLOSE_DELAY=-1");
            h2.put("spring.datasource.username", "sa");
            h2.put("spring.datasource.password", "");
            Log.info("lifecycle on H2: starting the application in this JVM and a bare engine");
            ConfigurableApplicationContext context = InProcessApp.start("lifecycle-h2", run.applicationProperties(h2));
            try (BareEngine bare = new BareEngine("jdbc:h2:mem:bench_bare;DB_CLOSE_DELAY=-1", "sa", "")) {
                lifecycle("h2", context, bare, () -> {});
            } finally {
                context.close();
            }
        }
        if (!run.only.contains("scale") && !databases.contains("postgres")) {
            return;
        }
        Map<String, String> database = run.newPostgresDatabase("bench_app");
        Log.info("lifecycle on PostgreSQL: starting the application in this JVM and a bare engine");
        ConfigurableApplicationContext context =
                InProcessApp.start("lifecycle-postgres", run.applicationProperties(database));
        try {
            if (lifecycle && databases.contains("postgres")) {
                Map<String, String> bareDatabase = run.newPostgresDatabase("bench_bare");
                try (BareEngine bare =
                        new BareEngine(bareDatabase.get("spring.datasource.url"), "postgres", "postgres")) {
                    lifecycle("postgres", context, bare, () -> analyze(database, bareDatabase));
                }
            }
            if (run.only.contains("scale")) {
                new ScaleBenchmark(run, context).run();
            }
        } finally {
            context.close();
        }
        run.mail.purgeEmailFromAllMailboxes();
    }

    /** {@code settle}: run after each side's instances are prepared, before it is measured. */
    private void lifecycle(String database, ConfigurableApplicationContext context, BareEngine bare, Runnable settle)
            throws Exception {
        LifecycleBenchmark.Target app = Targets.application(context, run.mail, run.mailsAccepted);
        LifecycleBenchmark.Target engine = Targets.bare(bare);
        // quick: smaller batches and rounds, but the same rule: measured only once the JIT compiler is (nearly) done
        int warmUp = run.quick ? 60 : 150;
        int warmUpBatches = 12;
        int size = run.quick ? 150 : 500;
        int rounds = run.quick ? 2 : 3;
        Log.info(
                "lifecycle %s: warming up until the JIT compiler is (nearly) done: batches of %d lifecycles each "
                        + "until compilation is under 5%% of this JVM's CPU (at most %d batches)",
                database, warmUp, warmUpBatches);
        JitWarmUp.WarmUp warmedUp = JitWarmUp.until(
                ProcessHandle.current().pid(), warmUpBatches, "lifecycle " + database, "this JVM's", () -> {
                    LifecycleBenchmark.measure(engine, engine.prepare(warmUp));
                    LifecycleBenchmark.measure(app, app.prepare(warmUp));
                });
        double appSeconds = 0;
        double bareSeconds = 0;
        double appGcSeconds = 0;
        double bareGcSeconds = 0;
        java.util.List<Double> roundRatios = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // with bench/run --profile, the first round of each side is recorded (lifecycle-<database>-<side>.jfr)
            boolean profiled = round == 1 && Boolean.getBoolean("bench.profile");
            Measured bareRound =
                    measureSettled(engine, size, settle, profiled ? "lifecycle-" + database + "-bare" : null);
            Measured appRound =
                    measureSettled(app, size, settle, profiled ? "lifecycle-" + database + "-application" : null);
            Log.info(
                    "lifecycle %s round %d: application %.2f/s, bare engine %.2f/s (ratio %.2f); collector during "
                            + "the round: application %.2f s, bare engine %.2f s",
                    database,
                    round,
                    appRound.rate(),
                    bareRound.rate(),
                    appRound.rate() / bareRound.rate(),
                    appRound.gcSeconds(),
                    bareRound.gcSeconds());
            roundRatios.add(appRound.rate() / bareRound.rate());
            appSeconds += size / appRound.rate();
            bareSeconds += size / bareRound.rate();
            appGcSeconds += appRound.gcSeconds();
            bareGcSeconds += bareRound.gcSeconds();
        }
        double appRate = rounds * size / appSeconds;
        double bareRate = rounds * size / bareSeconds;
        double ratio = appRate / bareRate;
        ObjectNode section = run.section("lifecycle").putObject(database);
        section.put("warm_up_lifecycles", warmUp * warmedUp.batches());
        section.put("jit_settled", warmedUp.settled());
        if (!warmedUp.settled()) {
            run.results.note(warmedUp.unsettledNote("Lifecycle on " + database));
        }
        section.put("lifecycles_per_round", size);
        section.put("rounds", rounds);
        section.put("drivers", LifecycleBenchmark.DRIVERS);
        section.put("lifecycles_per_second", Stats.round(appRate, 3));
        section.put("bare_engine_lifecycles_per_second", Stats.round(bareRate, 3));
        section.put("lifecycle_vs_bare_engine_ratio", Stats.round(ratio, 3));
        Spread spread = Spread.of(roundRatios);
        section.putPOJO("lifecycle_vs_bare_engine_ratio_rounds", spread.rounded());
        section.put("lifecycle_vs_bare_engine_ratio_spread", spread.toString());
        section.put("collector_seconds_application", Stats.round(appGcSeconds, 2));
        section.put("collector_seconds_bare_engine", Stats.round(bareGcSeconds, 2));
        run.results.root.with("lifecycle_vs_bare_engine_ratio").put(database, Stats.round(ratio, 3));
        run.results.row(
                "Approval lifecycle, " + (database.equals("h2") ? "H2" : "PostgreSQL")
                        + " (review → account → approve → activation → mail accepted), " + LifecycleBenchmark.DRIVERS
                        + " staff threads",
                f(appRate, 2) + " /s",
                f(bareRate, 2) + " /s bare Camunda 7.24 engine, " + "same model shape, no-op delegates",
                f(ratio, 2) + " (rounds " + spread + ")",
                "≥ 0.8",
                ratio >= 0.8);
    }

    private record Measured(double rate, double gcSeconds) {}

    /**
     * Prepares {@code size} instances, collects the garbage both sides left (their in-memory H2 databases grow in
     * this JVM's heap: a full collection would otherwise land in whichever round runs when the heap is full), then
     * measures; reports the collector's time during the measurement, which each side pays for its own garbage. With a
     * {@code profileName}, a CPU profile of this JVM during the measurement is written to
     * {@code target/bench/<profileName>.jfr}.
     */
    private static Measured measureSettled(
            LifecycleBenchmark.Target target, int size, Runnable settle, String profileName) throws Exception {
        List<String> instances = target.prepare(size);
        settle.run();
        System.gc();
        double gcBefore = collectorSeconds();
        Recording recording = profileName == null ? null : new Recording(Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        double rate = LifecycleBenchmark.measure(target, instances);
        if (recording != null) {
            Path file = BenchmarkRunner.OUT.resolve(profileName + ".jfr").toAbsolutePath();
            recording.stop();
            recording.dump(file);
            recording.close();
            Log.info("profile of %s's round written to %s (bench/profile.py summarizes it)", target.name(), file);
        }
        return new Measured(rate, collectorSeconds() - gcBefore);
    }

    /**
     * Fresh planner statistics on both PostgreSQL databases, as autovacuum keeps them: without this its analyze runs
     * at a random moment of some round of one side and changes that side's plans from then on.
     */
    @SafeVarargs
    private static void analyze(Map<String, String>... databases) {
        for (Map<String, String> database : databases) {
            try (Connection connection = DriverManager.getConnection(
                            database.get("spring.datasource.url"),
                            database.get("spring.datasource.username"),
                            database.get("spring.datasource.password"));
                    Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            } catch (SQLException e) {
                throw new IllegalStateException("ANALYZE failed on " + database.get("spring.datasource.url"), e);
            }
        }
    }

    private static double collectorSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                        .sum()
                / 1000.0;
    }
}
