package com.b2bflow.bench;

import static com.b2bflow.bench.Results.f;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Footprint and intake on the packaged jar (PostgreSQL, job executor on, local SMTP server):
 * <ol>
 * <li>start to healthy with the JVM flags the Dockerfile shipped before (baseline), on an empty database;</li>
 * <li>start to healthy with the flags it ships now, on another empty database (the figure);</li>
 * <li>intake at concurrency 1, 4, 16 against the hash rate on as many threads;</li>
 * <li>more registrations up to 10,000 (quick: 1,000), then the resident memory, against the memory when it
 * was first healthy.</li>
 * </ol>
 */
final class IntakeAndFootprint {

    private final BenchmarkRunner run;

    IntakeAndFootprint(BenchmarkRunner run) {
        this.run = run;
    }

    void run() throws Exception {
        Path jar = BenchmarkRunner.packagedJar();
        String shipped = BenchmarkRunner.shippedJavaOpts();
        // -Dbench.memoryRegistrations=N for experiments: fewer registrations warm the JIT up less for intake
        int registrationsForMemory = Integer.getInteger("bench.memoryRegistrations", run.quick ? 100 : 10_000);
        ObjectNode footprint = run.section("footprint");
        footprint.put("jar", jar.getFileName().toString());
        footprint.put("java_opts", shipped);
        footprint.put("java_opts_before", BenchmarkRunner.BEFORE_JAVA_OPTS);

        boolean measureFootprint = run.only.contains("footprint");
        double startBefore = Double.NaN;
        if (measureFootprint) {
            Log.info("footprint: start to healthy with the former flags (%s), empty database",
                    BenchmarkRunner.BEFORE_JAVA_OPTS);
            try (JarNode before = JarNode.launch("start-before", jar, BenchmarkRunner.BEFORE_JAVA_OPTS,
                    run.applicationProperties(run.newPostgresDatabase("bench_start")))) {
                startBefore = before.awaitHealthy(BenchmarkRunner.startTimeout());
                Thread.sleep(1000);
                footprint.put("rss_idle_mib_before", Stats.round(before.rssMiB(), 1));
            }
            Log.info("footprint: %.2f s with the former flags; now the shipped flags (%s)", startBefore, shipped);
        }
        boolean cds = !"0".equals(System.getenv("BENCH_CDS"));
        String launchOpts = shipped;
        Path launchJar = jar;
        if (cds) {
            ClassDataSharing.prepare(jar, shipped);
            launchOpts = shipped + " -XX:SharedArchiveFile=" + ClassDataSharing.ARCHIVE;
            launchJar = ClassDataSharing.JAR;
        }
        footprint.put("class_data_sharing", cds);
        footprint.putPOJO("environment", BenchmarkRunner.shippedEnvironment());
        java.util.Map<String, String> restartProperties = run.applicationProperties(
                run.newPostgresDatabase("bench_intake"));
        try (JarNode node = JarNode.launch("app", launchJar, launchOpts, restartProperties,
                BenchmarkRunner.shippedEnvironment())) {
            double start = node.awaitHealthy(BenchmarkRunner.startTimeout());
            Thread.sleep(1000);
            double idleRss = node.rssMiB();
            Log.info("footprint: healthy after %.2f s, RSS %.0f MiB", start, idleRss);
            if (measureFootprint) {
            footprint.put("start_to_healthy_seconds", Stats.round(start, 2));
            footprint.put("start_to_healthy_seconds_before", Stats.round(startBefore, 2));
            footprint.put("start_vs_before_ratio", Stats.round(start / startBefore, 3));
            footprint.put("rss_idle_mib", Stats.round(idleRss, 1));
            run.results.row("Start to healthy (packaged jar as the Dockerfile runs it" + (cds ? ", with its class data "
                            + "sharing archive" : "") + ", empty PostgreSQL database)",
                    f(start, 2) + " s", f(startBefore, 2) + " s with the former flags", f(start / startBefore, 2),
                    "≤ 8 s", start <= 8);
            }

            Http http = new Http(node.url(""), 20);
            HashBaseline hash = new HashBaseline();
            long postmaster = CpuMeter.postmaster(run.postgres.getPort());
            IntakeBenchmark intake = new IntakeBenchmark(http, hash,
                    () -> CpuMeter.Snapshot.take(node.process.pid(), postmaster));
            if (measureFootprint) {
                // these registrations also warm the JIT up for the intake rounds below
                Log.info("footprint: %,d registrations, concurrency 8", registrationsForMemory);
                topUp(intake, registrationsForMemory);
                run.mail.purgeEmailFromAllMailboxes();
                Thread.sleep(2000);
                double rss = node.rssMiB();
                Log.info("footprint: RSS %.0f MiB after %,d registrations", rss, registrationsForMemory);
                footprint.put("registrations", registrationsForMemory);
                footprint.put("rss_mib", Stats.round(rss, 1));
                footprint.put("rss_vs_idle_ratio", Stats.round(rss / idleRss, 3));
                footprint.putPOJO("app_cpu_seconds_by_thread_kind", CpuMeter.byThreadKind(node.process.pid()));
                String heap = Profiler.heapAfterFullGc(node);
                Log.info("footprint: after a full GC (not part of the figure):%n%s", heap);
                footprint.put("heap_after_full_gc", heap);
                run.results.row("Resident memory after " + String.format("%,d", registrationsForMemory)
                                + " registrations (VmRSS)", f(rss, 0) + " MiB", f(idleRss, 0) + " MiB when first healthy",
                        f(rss / idleRss, 2), "≤ 400 MB", rss * 1024 * 1024 <= 400e6);
            }
            if (run.only.contains("intake")) {
                intake(intake, hash, node, postmaster, restartProperties.get("spring.datasource.url"));
            }
        }
        if (measureFootprint) {
            Log.info("footprint: restart on the database of the %,d registrations", registrationsForMemory);
            try (JarNode restarted = JarNode.launch("app-restart", launchJar, launchOpts, restartProperties,
                    BenchmarkRunner.shippedEnvironment())) {
                double restart = restarted.awaitHealthy(BenchmarkRunner.startTimeout());
                Log.info("footprint: restarted and healthy after %.2f s", restart);
                footprint.put("restart_to_healthy_seconds", Stats.round(restart, 2));
                run.results.row("Restart to healthy (as above, on the database of the registrations)",
                        f(restart, 2) + " s", f(footprint.get("start_to_healthy_seconds").asDouble(), 2)
                                + " s first start on the empty database", f(restart
                                / footprint.get("start_to_healthy_seconds").asDouble(), 2), "≤ 8 s", restart <= 8);
            }
        }
        run.mail.purgeEmailFromAllMailboxes();
    }

    private void intake(IntakeBenchmark intake, HashBaseline hash, JarNode node, long postmaster, String jdbcUrl)
            throws Exception {
        ObjectNode section = run.section("intake");
        int cost = hash.cost();
        section.put("encoder", "Spring Security delegating encoder, bcrypt cost " + cost);
        section.put("bcrypt_cost", cost);
        double hashSeconds = run.quick ? 2 : 6;
        int warmUp = run.quick ? 16 : 32;
        Log.info("intake: warming up until the JIT compiler is (nearly) done: batches of %d registrations at "
                + "concurrency 4 until compilation is under 5%% of the application's CPU (at most %d batches)",
                warmUp, run.quick ? 2 : 20);
        hash.warmUp(50);
        int submitted = warmUp * JitWarmUp.until(node.process.pid(), run.quick ? 2 : 20, "intake",
                "the application's", () -> intake.submit(4, warmUp));
        section.put("warm_up_registrations", submitted);
        PostgresStatements statements = null;
        if (Boolean.getBoolean("bench.profile")) {
            Profiler.start(node, "intake");
            statements = new PostgresStatements(jdbcUrl);
        }
        Affinity.Split split = Affinity.available() ? Affinity.Split.ofMachine() : null;
        ArrayNode rounds = section.putArray("rounds");
        ArrayNode ownCoreRounds = section.putArray("rounds_application_on_own_cores");
        ObjectNode ratios = section.putObject("intake_vs_hash_ratio_by_concurrency");
        ObjectNode ownCoreRatios = section.putObject("intake_vs_hash_ratio_by_concurrency_own_cores");
        double minimum = Double.MAX_VALUE;
        double minimumOwnCores = Double.MAX_VALUE;
        for (int concurrency : List.of(1, 4, 16)) {
            int registrations = (run.quick ? 8 : 40) * Math.min(concurrency, 4) * (concurrency == 16 ? 2 : 1);
            if (statements != null) {
                statements.reset();
            }
            IntakeBenchmark.Round shared = intake.round(concurrency, registrations, hashSeconds, null);
            if (statements != null) {
                statements.write("postgres-statements-c" + concurrency, registrations);
            }
            record(rounds, shared, cost, "shared by all");
            ratios.put(String.valueOf(concurrency), Stats.round(shared.ratio(), 3));
            minimum = Math.min(minimum, shared.ratio());
            if (split != null) {
                IntakeBenchmark.Round own = onOwnCores(split, node.process.pid(), postmaster,
                        () -> intake.round(concurrency, registrations, hashSeconds, split.application()));
                record(ownCoreRounds, own, cost, "application " + split.application() + ", others " + split.others());
                ownCoreRatios.put(String.valueOf(concurrency), Stats.round(own.ratio(), 3));
                minimumOwnCores = Math.min(minimumOwnCores, own.ratio());
            }
        }
        if (Boolean.getBoolean("bench.profile")) {
            Profiler.stop(node, "intake");
        }
        var threads = CpuMeter.byThreadKind(node.process.pid());
        Log.info("application CPU seconds by thread kind since start: %s", threads);
        section.putPOJO("app_cpu_seconds_by_thread_kind_since_start", threads);
        section.put("application_cores", split == null ? "all (one CPU: no split)" : split.application());
        section.put("intake_vs_hash_ratio", Stats.round(minimum, 3));
        if (split != null) {
            section.put("intake_vs_hash_ratio_own_cores", Stats.round(minimumOwnCores, 3));
        }
        run.results.root.put("intake_vs_hash_ratio", Stats.round(minimum, 3));
    }

    /**
     * Runs {@code round} with the application on cores of its own and PostgreSQL, the SMTP server and the HTTP
     * clients (this JVM) on the others, as on separate machines; the hash baseline runs on the application's cores.
     */
    private static IntakeBenchmark.Round onOwnCores(Affinity.Split split, long application, long postmaster,
                                                    java.util.concurrent.Callable<IntakeBenchmark.Round> round)
            throws Exception {
        long bench = ProcessHandle.current().pid();
        Affinity.pinProcess(application, split.application());
        Affinity.pinProcessTree(postmaster, split.others());
        Affinity.pinProcess(bench, split.others());
        try {
            return round.call();
        } finally {
            Affinity.pinProcess(application, split.all());
            Affinity.pinProcessTree(postmaster, split.all());
            Affinity.pinProcess(bench, split.all());
        }
    }

    private void record(ArrayNode rounds, IntakeBenchmark.Round round, int cost, String cores) {
        int concurrency = round.concurrency();
        ObjectNode entry = rounds.addObject();
        entry.put("concurrency", concurrency);
        entry.put("cores", cores);
        entry.put("registrations", round.registrations());
        entry.put("registrations_per_second", Stats.round(round.perSecond(), 3));
        entry.put("hashes_per_second", Stats.round(round.hashPerSecond(), 3));
        entry.put("ratio", Stats.round(round.ratio(), 3));
        entry.put("post_p50_ms", Stats.round(round.submitLatency().p50(), 1));
        entry.put("post_p95_ms", Stats.round(round.submitLatency().p95(), 1));
        entry.put("cpu_ms_per_registration_app", Stats.round(round.cpuMillisPerRegistration().app(), 1));
        entry.put("cpu_ms_per_registration_postgres", Stats.round(round.cpuMillisPerRegistration().database(), 1));
        entry.put("cpu_ms_per_registration_bench_client_and_smtp",
                Stats.round(round.cpuMillisPerRegistration().bench(), 1));
        entry.put("cpu_ms_per_hash", Stats.round(round.cpuMillisPerHash(), 1));
        run.results.note(String.format(java.util.Locale.ROOT, "Intake at concurrency %d, cores %s: CPU ms per "
                        + "registration: application %.0f, PostgreSQL %.0f, benchmark client and SMTP server %.0f; "
                        + "per bcrypt hash %.0f; POST p50 %.0f ms, p95 %.0f ms", concurrency, cores,
                round.cpuMillisPerRegistration().app(), round.cpuMillisPerRegistration().database(),
                round.cpuMillisPerRegistration().bench(), round.cpuMillisPerHash(), round.submitLatency().p50(),
                round.submitLatency().p95()));
        run.results.row("Intake, concurrency " + concurrency + " (POST until waiting at review; cores: " + cores + ")",
                f(round.perSecond(), 2) + " /s", f(round.hashPerSecond(), 2) + " bcrypt-" + cost + " hashes/s on "
                        + concurrency + " thread" + (concurrency == 1 ? "" : "s"), f(round.ratio(), 2), "≥ 0.8",
                round.ratio() >= 0.8);
    }

    private void topUp(IntakeBenchmark intake, int registrations) throws Exception {
        if (registrations <= 0) {
            return;
        }
        Progress progress = new Progress("registrations", registrations);
        int chunk = Math.max(50, registrations / 40);
        int done = 0;
        while (done < registrations) {
            int now = Math.min(chunk, registrations - done);
            intake.submit(8, now);
            done += now;
            progress.update(done);
        }
    }
}
