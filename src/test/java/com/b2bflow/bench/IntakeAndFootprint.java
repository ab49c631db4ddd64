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
        int registrationsForMemory = run.quick ? 1_000 : 10_000;
        ObjectNode footprint = run.section("footprint");
        footprint.put("jar", jar.getFileName().toString());
        footprint.put("java_opts", shipped);
        footprint.put("java_opts_before", BenchmarkRunner.BEFORE_JAVA_OPTS);

        Log.info("footprint: start to healthy with the former flags (%s), empty database", BenchmarkRunner.BEFORE_JAVA_OPTS);
        double startBefore;
        try (JarNode before = JarNode.launch("start-before", jar, BenchmarkRunner.BEFORE_JAVA_OPTS,
                run.applicationProperties(run.newPostgresDatabase("bench_start")))) {
            startBefore = before.awaitHealthy(BenchmarkRunner.startTimeout());
        }
        Log.info("footprint: %.2f s with the former flags; now the shipped flags (%s)", startBefore, shipped);
        try (JarNode node = JarNode.launch("app", jar, shipped,
                run.applicationProperties(run.newPostgresDatabase("bench_intake")))) {
            double start = node.awaitHealthy(BenchmarkRunner.startTimeout());
            Thread.sleep(1000);
            double idleRss = node.rssMiB();
            Log.info("footprint: healthy after %.2f s, RSS %.0f MiB", start, idleRss);
            footprint.put("start_to_healthy_seconds", Stats.round(start, 2));
            footprint.put("start_to_healthy_seconds_before", Stats.round(startBefore, 2));
            footprint.put("start_vs_before_ratio", Stats.round(start / startBefore, 3));
            footprint.put("rss_idle_mib", Stats.round(idleRss, 1));
            run.results.row("Start to healthy (packaged jar, shipped JVM flags, empty PostgreSQL database)",
                    f(start, 2) + " s", f(startBefore, 2) + " s with the former flags", f(start / startBefore, 2),
                    "≤ 8 s", start <= 8);

            Http http = new Http(node.url(""), 20);
            HashBaseline hash = new HashBaseline();
            IntakeBenchmark intake = new IntakeBenchmark(http, hash);
            int submitted = 0;
            if (run.only.contains("intake")) {
                submitted += intake(intake, hash);
            }
            Log.info("footprint: %,d more registrations (to %,d), concurrency 8", registrationsForMemory - submitted,
                    registrationsForMemory);
            topUp(intake, registrationsForMemory - submitted);
            Thread.sleep(2000);
            double rss = node.rssMiB();
            Log.info("footprint: RSS %.0f MiB after %,d registrations", rss, registrationsForMemory);
            footprint.put("registrations", registrationsForMemory);
            footprint.put("rss_mib", Stats.round(rss, 1));
            footprint.put("rss_vs_idle_ratio", Stats.round(rss / idleRss, 3));
            run.results.row("Resident memory after " + String.format("%,d", registrationsForMemory)
                            + " registrations (VmRSS)", f(rss, 0) + " MiB", f(idleRss, 0) + " MiB when first healthy",
                    f(rss / idleRss, 2), "≤ 400 MB", rss * 1024 * 1024 <= 400e6);
        }
        run.mail.purgeEmailFromAllMailboxes();
    }

    private int intake(IntakeBenchmark intake, HashBaseline hash) throws Exception {
        ObjectNode section = run.section("intake");
        int cost = hash.cost();
        section.put("encoder", "Spring Security delegating encoder, bcrypt cost " + cost);
        section.put("bcrypt_cost", cost);
        double hashSeconds = run.quick ? 2 : 6;
        int warmUp = run.quick ? 16 : 60;
        Log.info("intake: warming up (%d registrations at concurrency 4, %d hashes)", warmUp, 20);
        hash.warmUp(20);
        intake.submit(4, warmUp);
        int submitted = warmUp;
        ArrayNode rounds = section.putArray("rounds");
        ObjectNode ratios = section.putObject("intake_vs_hash_ratio_by_concurrency");
        double minimum = Double.MAX_VALUE;
        for (int concurrency : List.of(1, 4, 16)) {
            int registrations = (run.quick ? 8 : 40) * Math.min(concurrency, 4) * (concurrency == 16 ? 2 : 1);
            IntakeBenchmark.Round round = intake.round(concurrency, registrations, hashSeconds);
            submitted += registrations;
            ObjectNode node = rounds.addObject();
            node.put("concurrency", concurrency);
            node.put("registrations", registrations);
            node.put("registrations_per_second", Stats.round(round.perSecond(), 3));
            node.put("hashes_per_second", Stats.round(round.hashPerSecond(), 3));
            node.put("ratio", Stats.round(round.ratio(), 3));
            node.put("post_p50_ms", Stats.round(round.submitLatency().p50(), 1));
            node.put("post_p95_ms", Stats.round(round.submitLatency().p95(), 1));
            ratios.put(String.valueOf(concurrency), Stats.round(round.ratio(), 3));
            minimum = Math.min(minimum, round.ratio());
            run.results.row("Intake, concurrency " + concurrency + " (POST until waiting at review)",
                    f(round.perSecond(), 2) + " /s", f(round.hashPerSecond(), 2) + " bcrypt-" + cost + " hashes/s on "
                            + concurrency + " thread" + (concurrency == 1 ? "" : "s"), f(round.ratio(), 2), "≥ 0.8",
                    round.ratio() >= 0.8);
        }
        section.put("intake_vs_hash_ratio", Stats.round(minimum, 3));
        run.results.root.put("intake_vs_hash_ratio", Stats.round(minimum, 3));
        return submitted;
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
