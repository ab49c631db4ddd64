package com.b2bflow.bench;

import static com.b2bflow.bench.Results.f;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Footprint and intake on the packaged jar as docker/Dockerfile runs it (Java 25, the image's flags, its AOT cache;
 * PostgreSQL, job executor as shipped, local SMTP server):
 * <ol>
 * <li>start to healthy and resident memory when healthy, in rounds that alternate the product and the baseline, a
 * bare Camunda 7.24 Spring Boot application with webapps and REST (bench/bare-camunda) started with the same JVM,
 * flags and kind of AOT cache; each on an empty database of its own, both caches trained before the first round;</li>
 * <li>10,000 registrations (quick: 1,000, which also warm the intake's JIT compiler up as the full mode's do),
 * then the resident memory, against the baseline's;</li>
 * <li>intake at concurrency 1, 4, 16 against the hash rate on as many threads;</li>
 * <li>a restart on the database of the registrations.</li>
 * </ol>
 */
final class IntakeAndFootprint {

    static final Path BARE_CAMUNDA_JAR = Path.of("bench", "bare-camunda", "target", "bare-camunda.jar");

    private final BenchmarkRunner run;

    IntakeAndFootprint(BenchmarkRunner run) {
        this.run = run;
    }

    void run() throws Exception {
        Path jar = BenchmarkRunner.packagedJar();
        String flags = ApplicationJvm.flags(BenchmarkRunner.shippedJavaOpts());
        Map<String, String> environment = BenchmarkRunner.shippedEnvironment();
        // -Dbench.memoryRegistrations=N for experiments: fewer registrations warm the JIT up less for intake
        int registrationsForMemory = Integer.getInteger("bench.memoryRegistrations", run.quick ? 1_000 : 10_000);
        ObjectNode footprint = run.section("footprint");
        footprint.put("jar", jar.getFileName().toString());
        footprint.put("java_version", ApplicationJvm.version());
        footprint.put("java", ApplicationJvm.java());
        footprint.put("java_opts", flags);
        footprint.putPOJO("environment", environment);
        AotCache product = AotCache.product(jar, flags, environment);
        footprint.put("aot_cache", product.used);
        String launchFlags = product.launchFlags(flags);

        boolean measureFootprint = run.only.contains("footprint");
        Spread bareRss = null;
        Map<String, String> bareDatabase = null;
        AotCache bare = null;
        if (measureFootprint) {
            bare = AotCache.bareCamunda(BARE_CAMUNDA_JAR, flags, environment);
            bareDatabase = run.newPostgresDatabase("bench_bare");
            bareRss = startRounds(footprint, product, bare, launchFlags, flags, environment);
        }
        Map<String, String> properties = run.applicationProperties(run.newPostgresDatabase("bench_intake"));
        try (JarNode node = JarNode.launch("app", product.jar, launchFlags, properties, environment)) {
            double start = node.awaitHealthy(BenchmarkRunner.startTimeout());
            Thread.sleep(1000);
            double idleRss = node.rssMiB();
            Log.info("footprint: the intake node healthy after %.2f s, RSS %.0f MiB", start, idleRss);
            footprint.put("start_to_healthy_seconds_intake_node", Stats.round(start, 2));

            Http http = new Http(node.url(""), 20);
            HashBaseline hash = new HashBaseline();
            long postmaster = CpuMeter.postmaster(run.postgres.getPort());
            IntakeBenchmark intake =
                    new IntakeBenchmark(http, hash, () -> CpuMeter.Snapshot.take(node.process.pid(), postmaster));
            if (measureFootprint) {
                // these registrations also warm the JIT up for the intake rounds below
                Log.info("footprint: %,d registrations, concurrency 8", registrationsForMemory);
                topUp(intake, registrationsForMemory);
                run.mail.purgeEmailFromAllMailboxes();
                Thread.sleep(2000);
                double rss = node.rssMiB();
                double ratio = rss / bareRss.median();
                Log.info(
                        "footprint: RSS %.0f MiB after %,d registrations (bare Camunda when healthy: %.0f MiB)",
                        rss, registrationsForMemory, bareRss.median());
                footprint.put("registrations", registrationsForMemory);
                footprint.put("rss_mib", Stats.round(rss, 1));
                footprint.putPOJO("rss_parts_mib", node.rssPartsMiB());
                footprint.put("rss_vs_idle_ratio", Stats.round(rss / idleRss, 3));
                footprint.put("rss_vs_bare_camunda_ratio", Stats.round(ratio, 3));
                footprint.putPOJO(
                        "rss_vs_bare_camunda_ratio_rounds",
                        bareRss.rounds().stream()
                                .map(b -> Stats.round(rss / b, 3))
                                .toList());
                footprint.putPOJO("app_cpu_seconds_by_thread_kind", CpuMeter.byThreadKind(node.process.pid()));
                String heap = Profiler.heapAfterFullGc(node);
                Log.info("footprint: after a full GC (not part of the figure):%n%s", heap);
                footprint.put("heap_after_full_gc", heap);
                run.results.row(
                        "Resident memory after " + String.format("%,d", registrationsForMemory)
                                + " registrations (VmRSS)",
                        f(rss, 0) + " MiB",
                        f(bareRss.median(), 0) + " MiB bare Camunda when healthy (rounds " + roundsOf(bareRss, 0) + ")",
                        f(ratio, 2),
                        "≤ 350 MiB and ≤ 1.15× bare",
                        rss <= 350 && ratio <= 1.15);
            }
            if (run.only.contains("intake")) {
                intake(intake, hash, node, postmaster, properties.get("spring.datasource.url"));
            }
        }
        if (measureFootprint) {
            restart(footprint, product, bare, launchFlags, flags, environment, properties, bareDatabase);
        }
        run.mail.purgeEmailFromAllMailboxes();
    }

    /**
     * Start to healthy and the memory when healthy, product and bare Camunda alternating (the order flips every round,
     * so that neither always follows the other), each on an empty database of its own. Returns the bare Camunda
     * application's resident memory when healthy, per round.
     */
    private Spread startRounds(
            ObjectNode footprint,
            AotCache product,
            AotCache bare,
            String productFlags,
            String flags,
            Map<String, String> environment)
            throws Exception {
        int rounds = run.quick ? 2 : 3;
        List<Double> productStarts = new ArrayList<>();
        List<Double> bareStarts = new ArrayList<>();
        List<Double> productRss = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (boolean productTurn : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                String name = (productTurn ? "start-product-" : "start-bare-camunda-") + round;
                Map<String, String> properties = productTurn
                        ? run.applicationProperties(run.newPostgresDatabase("bench_start"))
                        : run.newPostgresDatabase("bench_start_bare");
                try (JarNode node = JarNode.launch(
                        name,
                        productTurn ? product.jar : bare.jar,
                        productTurn ? productFlags : bare.launchFlags(flags),
                        properties,
                        environment)) {
                    double seconds = node.awaitHealthy(BenchmarkRunner.startTimeout());
                    Thread.sleep(1000);
                    double rss = node.rssMiB();
                    Log.info(
                            "footprint: round %d: %s healthy after %.2f s, RSS %.0f MiB %s",
                            round, productTurn ? "product" : "bare Camunda", seconds, rss, node.rssPartsMiB());
                    (productTurn ? productStarts : bareStarts).add(seconds);
                    (productTurn ? productRss : bareRss).add(rss);
                }
            }
        }
        Spread start = Spread.of(productStarts);
        Spread bareStart = Spread.of(bareStarts);
        Spread startRatios = ratios(productStarts, bareStarts);
        Spread idleRatios = ratios(productRss, bareRss);
        double startRatio = start.median() / bareStart.median();
        footprint.put("start_rounds", rounds);
        footprint.put("start_to_healthy_seconds", Stats.round(start.median(), 2));
        footprint.putPOJO("start_to_healthy_seconds_rounds", start.rounded());
        footprint.put("bare_camunda_start_to_healthy_seconds", Stats.round(bareStart.median(), 2));
        footprint.putPOJO("bare_camunda_start_to_healthy_seconds_rounds", bareStart.rounded());
        footprint.put("start_vs_bare_camunda_ratio", Stats.round(startRatio, 3));
        footprint.putPOJO("start_vs_bare_camunda_ratio_rounds", startRatios.rounded());
        footprint.put("rss_idle_mib", Stats.round(Spread.of(productRss).median(), 1));
        footprint.put(
                "bare_camunda_rss_idle_mib", Stats.round(Spread.of(bareRss).median(), 1));
        footprint.put(
                "rss_idle_vs_bare_camunda_ratio",
                Stats.round(Spread.of(productRss).median() / Spread.of(bareRss).median(), 3));
        footprint.putPOJO("rss_idle_vs_bare_camunda_ratio_rounds", idleRatios.rounded());
        run.results.row(
                "Start to healthy (as the image runs it: Java " + ApplicationJvm.version()
                        + (product.used ? ", AOT cache" : ", NO AOT cache") + "; empty PostgreSQL database; median of "
                        + rounds + " rounds: " + roundsOf(start, 2) + " s)",
                f(start.median(), 2) + " s",
                f(bareStart.median(), 2) + " s bare Camunda 7.24 app, same JVM and flags (rounds "
                        + roundsOf(bareStart, 2) + " s)",
                f(startRatio, 2) + " (rounds " + startRatios + ")",
                "≤ 6 s and ≤ 1.15× bare",
                start.median() <= 6 && startRatio <= 1.15);
        run.results.row(
                "Resident memory when first healthy (VmRSS)",
                f(Spread.of(productRss).median(), 0) + " MiB",
                f(Spread.of(bareRss).median(), 0) + " MiB bare Camunda",
                f(Spread.of(productRss).median() / Spread.of(bareRss).median(), 2) + " (rounds " + idleRatios + ")",
                "",
                null);
        return Spread.of(bareRss);
    }

    /** Restart of the product on the database of the registrations, the bare application on one of its own. */
    private void restart(
            ObjectNode footprint,
            AotCache product,
            AotCache bare,
            String productFlags,
            String flags,
            Map<String, String> environment,
            Map<String, String> properties,
            Map<String, String> bareDatabase)
            throws Exception {
        Log.info("footprint: restart on the database of the registrations");
        double restart;
        try (JarNode restarted = JarNode.launch("app-restart", product.jar, productFlags, properties, environment)) {
            restart = restarted.awaitHealthy(BenchmarkRunner.startTimeout());
        }
        try (JarNode first =
                JarNode.launch("bare-camunda-first", bare.jar, bare.launchFlags(flags), bareDatabase, environment)) {
            first.awaitHealthy(BenchmarkRunner.startTimeout());
        }
        double bareRestart;
        try (JarNode restarted =
                JarNode.launch("bare-camunda-restart", bare.jar, bare.launchFlags(flags), bareDatabase, environment)) {
            bareRestart = restarted.awaitHealthy(BenchmarkRunner.startTimeout());
        }
        Log.info("footprint: restarted and healthy after %.2f s (bare Camunda %.2f s)", restart, bareRestart);
        footprint.put("restart_to_healthy_seconds", Stats.round(restart, 2));
        footprint.put("bare_camunda_restart_to_healthy_seconds", Stats.round(bareRestart, 2));
        footprint.put("restart_vs_bare_camunda_ratio", Stats.round(restart / bareRestart, 3));
        run.results.row(
                "Restart to healthy (on the database of the registrations)",
                f(restart, 2) + " s",
                f(bareRestart, 2) + " s bare Camunda restarted on its database",
                f(restart / bareRestart, 2),
                "≤ 5 s",
                restart <= 5);
    }

    private static Spread ratios(List<Double> product, List<Double> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < product.size(); i++) {
            ratios.add(product.get(i) / baseline.get(i));
        }
        return Spread.of(ratios);
    }

    private static String roundsOf(Spread spread, int digits) {
        return String.join(
                " / ", spread.rounds().stream().map(value -> f(value, digits)).toList());
    }

    private void intake(IntakeBenchmark intake, HashBaseline hash, JarNode node, long postmaster, String jdbcUrl)
            throws Exception {
        ObjectNode section = run.section("intake");
        int cost = hash.cost();
        section.put("encoder", "Spring Security delegating encoder, bcrypt cost " + cost);
        section.put("bcrypt_cost", cost);
        double hashSeconds = run.quick ? 2 : 6;
        // quick: smaller batches, the same rule (the rounds start once the JIT compiler is nearly done)
        int warmUp = run.quick ? 16 : 32;
        int batches = 20;
        Log.info(
                "intake: warming up until the JIT compiler is (nearly) done: batches of %d registrations at "
                        + "concurrency 4 until compilation is under 5%% of the application's CPU (at most %d batches)",
                warmUp, batches);
        hash.warmUp(50);
        JitWarmUp.WarmUp warmedUp = JitWarmUp.until(
                node.process.pid(), batches, "intake", "the application's", () -> intake.submit(4, warmUp));
        section.put("warm_up_registrations", warmUp * warmedUp.batches());
        section.put("jit_settled", warmedUp.settled());
        if (!warmedUp.settled()) {
            run.results.note(warmedUp.unsettledNote("Intake"));
        }
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
        ObjectNode ownCoreSpread = section.putObject("intake_vs_hash_ratio_by_concurrency_own_cores_rounds");
        double minimum = Double.MAX_VALUE;
        double minimumOwnCores = Double.MAX_VALUE;
        for (int concurrency : List.of(1, 4, 16)) {
            int registrations = (run.quick ? 16 : 40) * Math.min(concurrency, 4) * (concurrency == 16 ? 2 : 1);
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
                // the goal's figure: two rounds, their mean and both rounds in results.json
                List<Double> own = new ArrayList<>();
                for (int repeat = 0; repeat < 2; repeat++) {
                    IntakeBenchmark.Round round = onOwnCores(
                            split,
                            node.process.pid(),
                            postmaster,
                            () -> intake.round(concurrency, registrations, hashSeconds, split.application()));
                    record(
                            ownCoreRounds,
                            round,
                            cost,
                            "application " + split.application() + ", others " + split.others());
                    own.add(round.ratio());
                }
                Spread spread = Spread.of(own);
                double mean = (own.get(0) + own.get(1)) / 2;
                ownCoreRatios.put(String.valueOf(concurrency), Stats.round(mean, 3));
                ownCoreSpread.putPOJO(String.valueOf(concurrency), spread.rounded());
                minimumOwnCores = Math.min(minimumOwnCores, mean);
                run.results.row(
                        "Intake, concurrency " + concurrency + ", application on its own core (mean of " + "2 rounds)",
                        "",
                        "",
                        f(mean, 2) + " (rounds " + spread + ")",
                        concurrency == 1 ? "≥ 0.75" : "≥ 0.8",
                        mean >= (concurrency == 1 ? 0.75 : 0.8));
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
    private static IntakeBenchmark.Round onOwnCores(
            Affinity.Split split,
            long application,
            long postmaster,
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
        entry.put(
                "cpu_ms_per_registration_app",
                Stats.round(round.cpuMillisPerRegistration().app(), 1));
        entry.put(
                "cpu_ms_per_registration_postgres",
                Stats.round(round.cpuMillisPerRegistration().database(), 1));
        entry.put(
                "cpu_ms_per_registration_bench_client_and_smtp",
                Stats.round(round.cpuMillisPerRegistration().bench(), 1));
        entry.put("cpu_ms_per_hash", Stats.round(round.cpuMillisPerHash(), 1));
        run.results.note(String.format(
                java.util.Locale.ROOT,
                "Intake at concurrency %d, cores %s: CPU ms per "
                        + "registration: application %.0f, PostgreSQL %.0f, benchmark client and SMTP server %.0f; "
                        + "per bcrypt hash %.0f; POST p50 %.0f ms, p95 %.0f ms",
                concurrency,
                cores,
                round.cpuMillisPerRegistration().app(),
                round.cpuMillisPerRegistration().database(),
                round.cpuMillisPerRegistration().bench(),
                round.cpuMillisPerHash(),
                round.submitLatency().p50(),
                round.submitLatency().p95()));
        run.results.row(
                "Intake, concurrency " + concurrency + " (POST until waiting at review; cores: " + cores + ")",
                f(round.perSecond(), 2) + " /s",
                f(round.hashPerSecond(), 2) + " bcrypt-" + cost + " hashes/s on " + concurrency + " thread"
                        + (concurrency == 1 ? "" : "s"),
                f(round.ratio(), 2),
                "",
                null);
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
