package com.b2bflow.bench;

import static com.b2bflow.bench.Results.f;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
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
                lifecycle("h2", context, bare);
            } finally {
                context.close();
            }
        }
        if (!run.only.contains("scale") && !databases.contains("postgres")) {
            return;
        }
        Map<String, String> database = run.newPostgresDatabase("bench_app");
        Log.info("lifecycle on PostgreSQL: starting the application in this JVM and a bare engine");
        ConfigurableApplicationContext context = InProcessApp.start("lifecycle-postgres",
                run.applicationProperties(database));
        try {
            if (lifecycle && databases.contains("postgres")) {
                Map<String, String> bareDatabase = run.newPostgresDatabase("bench_bare");
                try (BareEngine bare = new BareEngine(bareDatabase.get("spring.datasource.url"), "postgres",
                        "postgres")) {
                    lifecycle("postgres", context, bare);
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

    private void lifecycle(String database, ConfigurableApplicationContext context, BareEngine bare)
            throws Exception {
        LifecycleBenchmark.Target app = Targets.application(context, run.mail, run.mailsAccepted);
        LifecycleBenchmark.Target engine = Targets.bare(bare);
        int warmUp = run.quick ? 10 : 150;
        int warmUpBatches = run.quick ? 1 : 12;
        int size = run.quick ? 20 : 500;
        int rounds = run.quick ? 1 : 3;
        Log.info("lifecycle %s: warming up until the JIT compiler is (nearly) done: batches of %d lifecycles each "
                + "until compilation is under 5%% of this JVM's CPU (at most %d batches)", database, warmUp,
                warmUpBatches);
        int warmedUp = warmUp * JitWarmUp.until(ProcessHandle.current().pid(), warmUpBatches, "lifecycle " + database,
                "this JVM's", () -> {
                    LifecycleBenchmark.measure(engine, engine.prepare(warmUp));
                    LifecycleBenchmark.measure(app, app.prepare(warmUp));
                });
        double appSeconds = 0;
        double bareSeconds = 0;
        for (int round = 1; round <= rounds; round++) {
            double bareRate = LifecycleBenchmark.measure(engine, engine.prepare(size));
            double appRate = LifecycleBenchmark.measure(app, app.prepare(size));
            Log.info("lifecycle %s round %d: application %.2f/s, bare engine %.2f/s (ratio %.2f)", database, round,
                    appRate, bareRate, appRate / bareRate);
            appSeconds += size / appRate;
            bareSeconds += size / bareRate;
        }
        double appRate = rounds * size / appSeconds;
        double bareRate = rounds * size / bareSeconds;
        double ratio = appRate / bareRate;
        ObjectNode section = run.section("lifecycle").putObject(database);
        section.put("warm_up_lifecycles", warmedUp);
        section.put("lifecycles_per_round", size);
        section.put("rounds", rounds);
        section.put("drivers", LifecycleBenchmark.DRIVERS);
        section.put("lifecycles_per_second", Stats.round(appRate, 3));
        section.put("bare_engine_lifecycles_per_second", Stats.round(bareRate, 3));
        section.put("lifecycle_vs_bare_engine_ratio", Stats.round(ratio, 3));
        run.results.root.with("lifecycle_vs_bare_engine_ratio").put(database, Stats.round(ratio, 3));
        run.results.row("Approval lifecycle, " + (database.equals("h2") ? "H2" : "PostgreSQL")
                        + " (review → account → approve → activation → mail accepted), " + LifecycleBenchmark.DRIVERS
                        + " staff threads", f(appRate, 2) + " /s", f(bareRate, 2) + " /s bare Camunda 7.24 engine, "
                        + "same model shape, no-op delegates", f(ratio, 2), "≥ 0.7", ratio >= 0.7);
    }
}
