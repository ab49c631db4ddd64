package com.b2bflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registrations per second through {@code POST /api/registrations/organization}, counted when the instance waits at
 * {@code Task_ReviewRegistration} (after both async mail jobs ran), against the raw hash rate on the same number of
 * threads, measured just before and just after each intake round (their mean is the baseline).
 */
final class IntakeBenchmark {

    static final String REVIEW = "Task_ReviewRegistration";
    private final Http http;
    private final HashBaseline hash;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    private final java.util.function.Supplier<CpuMeter.Snapshot> cpu;

    IntakeBenchmark(Http http, HashBaseline hash, java.util.function.Supplier<CpuMeter.Snapshot> cpu) {
        this.http = http;
        this.hash = hash;
        this.cpu = cpu;
    }

    /**
     * One concurrency level. CPU milliseconds per registration (application, PostgreSQL, benchmark JVM with its
     * HTTP clients and SMTP server) and per hash explain the ratio independently of other load on the machine.
     */
    record Round(
            int concurrency,
            int registrations,
            double perSecond,
            double hashPerSecond,
            double ratio,
            Stats submitLatency,
            CpuMeter.Snapshot cpuMillisPerRegistration,
            double cpuMillisPerHash) {}

    /** A round; {@code hashCpus}: the cores the hash baseline runs on (the application's; null: anywhere). */
    Round round(int concurrency, int registrations, double hashSeconds, String hashCpus) throws Exception {
        CpuMeter.Snapshot start = cpu.get();
        double hashBefore = hash.rate(concurrency, hashSeconds, hashCpus);
        CpuMeter.Snapshot afterHash = cpu.get();
        Measured measured = submit(concurrency, registrations);
        CpuMeter.Snapshot afterIntake = cpu.get();
        double hashAfter = hash.rate(concurrency, hashSeconds, hashCpus);
        CpuMeter.Snapshot end = cpu.get();
        double baseline = Stats.mean(hashBefore, hashAfter);
        double hashes = (hashBefore + hashAfter) / 2 * hashSeconds * 2;
        double hashCpu = afterHash.minus(start).bench() + end.minus(afterIntake).bench();
        CpuMeter.Snapshot perRegistration = afterIntake.minus(afterHash).scaled(1000.0 / registrations);
        Round round = new Round(
                concurrency,
                registrations,
                measured.perSecond,
                baseline,
                measured.perSecond / baseline,
                measured.latency,
                perRegistration,
                1000 * hashCpu / hashes);
        Log.info(
                "intake c=%d%s: %.2f registrations/s, hash %.2f/s (before %.2f, after %.2f), ratio %.2f; "
                        + "POST %s; CPU ms per registration: app %.0f, PostgreSQL %.0f, bench client+SMTP %.0f; "
                        + "per hash %.0f",
                concurrency,
                hashCpus == null ? "" : " (application and hash on cores " + hashCpus + ")",
                round.perSecond,
                baseline,
                hashBefore,
                hashAfter,
                round.ratio,
                measured.latency,
                perRegistration.app(),
                perRegistration.database(),
                perRegistration.bench(),
                round.cpuMillisPerHash);
        return round;
    }

    record Measured(double perSecond, Stats latency) {}

    /** Submits {@code registrations} on {@code concurrency} client threads and waits until all wait at review. */
    Measured submit(int concurrency, int registrations) throws Exception {
        long before = waitingAtReview();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(clients.submit(() -> {
                while (next.getAndIncrement() < registrations) {
                    String body = body();
                    long sent = System.nanoTime();
                    Http.ok(http.postJson("/api/registrations/organization", null, "application/json", body), 201);
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        clients.shutdown();
        long target = before + registrations;
        while (waitingAtReview() < target) {
            Thread.sleep(50);
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException("Registrations did not reach " + REVIEW + " within 10 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(registrations / seconds, Stats.of(latencies));
    }

    long waitingAtReview() throws Exception {
        JsonNode count = json.readTree(Http.ok(
                        http.get("/engine-rest/task/count?taskDefinitionKey=" + REVIEW, "admin", "application/json"),
                        200)
                .body());
        return count.get("count").asLong();
    }

    /** A valid, unique organization registration (as {@code TestRegistrations.body}). */
    String body() throws Exception {
        String key = "bench" + runId + "-" + sequence.incrementAndGet();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("logonId", key);
        user.put("password", HashBaseline.PASSWORD);
        user.put("passwordVerify", HashBaseline.PASSWORD);
        user.put("firstName", "Ada");
        user.put("lastName", "Buyer");
        user.put("email", key + "@" + key + ".example.com");
        user.put("phone", "+49 30 1234");
        user.put("preferredLanguage", "en");
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", key + " Corp");
        organization.put("description", "Industrial supplies");
        organization.put("businessCategory", "Wholesale");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address1", "Main Street 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", "DE");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("user", user);
        body.put("address", address);
        return json.writeValueAsString(body);
    }
}
