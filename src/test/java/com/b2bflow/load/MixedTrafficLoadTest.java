package com.b2bflow.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mixed traffic for a bounded time against one real server on loopback, from a fixed number of client threads:
 * registration submissions (valid, invalid, duplicate), status lookups, storefront pages, sign-ins, the staff task
 * list and task completions through {@code /engine-rest}, and buyer-administration API reads. A 5xx, a status the
 * kind does not expect, or a failed request is an error; expected 4xx for bad input are counted as expected.
 * Reports requests, errors and latency percentiles per kind and overall, and the throughput, to
 * {@code target/load/mixed-traffic.json} and {@code .md}; then checks that nothing was lost: every 201 has its
 * registration and process instance, every completed review moved its process on exactly once.
 *
 * <p>Runs once per {@code mvn verify}, on PostgreSQL (the production database): pom.xml leaves it out of the H2
 * pass. {@code -Dload.seconds} and {@code -Dload.threads} change the defaults (10 s, 16 threads):
 * the test checks that nothing is lost under concurrency, which 10 s of 16 threads shows; how much load the product
 * holds is the benchmarks' job (bench/), and longer runs are one property away.
 */
@Tag(TestTiers.LOAD)
@Tag(TestTiers.DATABASE)
@IntegrationTest
class MixedTrafficLoadTest {

    static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 10));
    static final int THREADS = Integer.getInteger("load.threads", 16);
    /** Enough reviews for the completions of the run (about three a second were completed in a 45 s run). */
    static final int REVIEW_TASKS = (int) (DURATION.toSeconds() * 3 + 15);

    static final String STAFF = "seller-admin";
    static final String STAFF_PASSWORD = "demo";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    /** What one kind of request may answer without it being an error. */
    enum Kind {
        SUBMIT_VALID(10, Set.of(201)),
        SUBMIT_INVALID(5, Set.of(400)),
        SUBMIT_DUPLICATE(5, Set.of(409)),
        STATUS_LOOKUP(18, Set.of(200)),
        STOREFRONT_PAGE(18, Set.of(200)),
        SIGN_IN(8, Set.of(302)),
        STAFF_TASK_LIST(12, Set.of(200)),
        STAFF_COMPLETE_TASK(8, Set.of(204)),
        BUYER_ADMIN_READ(16, Set.of(200));

        final int weight;
        final Set<Integer> expected;

        Kind(int weight, Set<Integer> expected) {
            this.weight = weight;
            this.expected = expected;
        }
    }

    record Sample(Kind kind, int status, long nanos, String failure) {}

    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final List<String> createdRegistrations = new CopyOnWriteArrayList<>();
    final List<String> completedTasks = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> reviewTasks = new ConcurrentLinkedQueue<>();
    final Map<String, Integer> errorExamples = new ConcurrentHashMap<>();

    @Test
    void mixedTrafficForABoundedTimeLosesNothingAndAnswersNoError() throws Exception {
        // set-up: review tasks to complete, a registration to look up and to duplicate, a buyer administrator
        List<String> known = new ArrayList<>();
        HttpClient setup = client(null);
        for (int i = 0; i < REVIEW_TASKS; i++) {
            HttpResponse<String> created = submit(setup, TestRegistrations.organization());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            known.add(json.readTree(created.body()).get("id").asText());
        }
        jobs.executeAll();
        // the reviews nobody has claimed: a task another test class left claimed is its assignee's alone
        tasks.createTaskQuery().taskDefinitionKey("Task_ReviewRegistration").taskUnassigned().list().stream()
                .map(Task::getId)
                .forEach(reviewTasks::add);
        String takenLogonId = jdbc.queryForObject(
                "select u.logon_id from registration r join member_user u " + "on r.user_id = u.id where r.id = ?",
                String.class,
                known.get(0));
        TestTenants.Tenant tenant = tenants.create();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long processCpuBefore = processCpuNanos();
        Instant began = Instant.now();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            workers.add(pool.submit(() -> {
                work(new Random(seed), stop, known, takenLogonId, tenant);
                return null;
            }));
        }
        Thread.sleep(DURATION.toMillis());
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        Duration elapsed = Duration.between(began, Instant.now());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long processCpu = processCpuNanos() - processCpuBefore;

        Map<String, Object> report = report(elapsed, loadBefore, loadAfter, processCpu);
        write(report);

        long errors = samples.stream().filter(s -> s.failure() != null).count();
        assertThat(errors).as("errors, e.g. %s", errorExamples).isZero();
        assertNothingLost();
    }

    private void work(
            Random random, AtomicBoolean stop, List<String> known, String takenLogonId, TestTenants.Tenant tenant)
            throws Exception {
        HttpClient anonymous = client(null);
        CookieManager buyerCookies = new CookieManager();
        HttpClient buyer = client(buyerCookies);
        int total = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();
        boolean buyerSignedIn = false;
        boolean expectSignedIn = false;
        HttpResponse<String> lastSignIn = null;
        while (!stop.get()) {
            int pick = random.nextInt(total);
            Kind kind = null;
            for (Kind candidate : Kind.values()) {
                pick -= candidate.weight;
                if (pick < 0) {
                    kind = candidate;
                    break;
                }
            }
            if (kind == Kind.BUYER_ADMIN_READ && !buyerSignedIn) {
                buyerSignedIn = signedIn(signIn(buyer, tenant.admin(), TestRegistrations.PASSWORD));
            }
            String taskId = kind == Kind.STAFF_COMPLETE_TASK ? reviewTasks.poll() : null;
            if (kind == Kind.STAFF_COMPLETE_TASK && taskId == null) {
                kind = Kind.STAFF_TASK_LIST;
            }
            long start = System.nanoTime();
            int status = -1;
            String failure = null;
            String body = null;
            try {
                HttpResponse<String> response = switch (kind) {
                    case SUBMIT_VALID -> submit(anonymous, TestRegistrations.organization());
                    case SUBMIT_INVALID ->
                        submitRaw(
                                anonymous,
                                "{\"organization\":{\"name\":\"\"},"
                                        + "\"user\":{\"logonId\":\"x\",\"password\":\"short\",\"email\":\"not-an-email\"}}");
                    case SUBMIT_DUPLICATE -> {
                        String org = TestRegistrations.unique("dup");
                        yield submit(
                                anonymous,
                                TestRegistrations.organization(org + " Ltd", takenLogonId, org + "@dup.example.com"));
                    }
                    case STATUS_LOOKUP ->
                        get(anonymous, "/api/registrations/" + known.get(random.nextInt(known.size())), null);
                    case STOREFRONT_PAGE ->
                        get(
                                anonymous,
                                List.of(
                                                "/store/login",
                                                "/store/register/organization",
                                                "/store/register",
                                                "/store/register/reseller")
                                        .get(random.nextInt(4)),
                                null);
                    case SIGN_IN -> {
                        expectSignedIn = random.nextBoolean();
                        lastSignIn = expectSignedIn
                                ? signIn(client(new CookieManager()), tenant.buyer(), TestRegistrations.PASSWORD)
                                : signIn(
                                        client(new CookieManager()),
                                        TestRegistrations.unique("nobody"),
                                        "Wrong-pass-1");
                        yield lastSignIn;
                    }
                    case STAFF_TASK_LIST ->
                        get(
                                anonymous,
                                "/engine-rest/task?candidateGroup=seller-admins"
                                        + "&maxResults=25&sortBy=created&sortOrder=desc",
                                STAFF);
                    case STAFF_COMPLETE_TASK ->
                        send(
                                anonymous,
                                "POST",
                                "/engine-rest/task/" + taskId + "/complete",
                                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}",
                                STAFF);
                    case BUYER_ADMIN_READ ->
                        get(buyer, random.nextBoolean() ? "/api/me/organizations" : "/api/me", null);
                };
                status = response.statusCode();
                body = response.body();
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long nanos = System.nanoTime() - start;
            if (failure == null && !kind.expected.contains(status)) {
                failure = kind + " answered " + status + ": "
                        + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
            }
            if (failure == null && kind == Kind.SIGN_IN && expectSignedIn != signedIn(lastSignIn)) {
                failure = "SIGN_IN of " + (expectSignedIn ? "the buyer" : "an unknown user") + " went to "
                        + lastSignIn.headers().firstValue("Location").orElse("nowhere");
            }
            if (failure == null && kind == Kind.SUBMIT_VALID) {
                createdRegistrations.add(json.readTree(body).get("id").asText());
            }
            if (failure == null && kind == Kind.STAFF_COMPLETE_TASK) {
                completedTasks.add(taskId);
            }
            if (failure != null) {
                errorExamples.merge(failure.length() > 160 ? failure.substring(0, 160) : failure, 1, Integer::sum);
            }
            samples.add(new Sample(kind, status, nanos, failure));
        }
    }

    private void assertNothingLost() {
        for (String id : createdRegistrations) {
            assertThat(jdbc.queryForObject("select count(*) from registration where id = ?", Long.class, id))
                    .as("registration %s", id)
                    .isOne();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(id)
                            .count())
                    .as("process instance of %s", id)
                    .isOne();
        }
        for (String taskId : completedTasks) {
            var task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            assertThat(task.getEndTime()).as("completed task %s", taskId).isNotNull();
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .activityId("Task_SetUpAccount")
                            .count())
                    .as("advanced once after %s", taskId)
                    .isOne();
        }
    }

    private Map<String, Object> report(Duration elapsed, double loadBefore, double loadAfter, long processCpu) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", System.getProperty("test.database", "h2"));
        report.put("durationSeconds", elapsed.toMillis() / 1000.0);
        report.put("clientThreads", THREADS);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("systemLoadAverageBefore", loadBefore);
        report.put("systemLoadAverageAfter", loadAfter);
        report.put("testJvmCpuSeconds", processCpu / 1e9);
        report.put("requests", samples.size());
        report.put("errors", samples.stream().filter(s -> s.failure() != null).count());
        report.put("throughputPerSecond", round(samples.size() / (elapsed.toMillis() / 1000.0)));
        report.put("createdRegistrations", createdRegistrations.size());
        report.put("completedTasks", completedTasks.size());
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            kinds.put(
                    kind.name(),
                    stats(samples.stream().filter(s -> s.kind() == kind).toList()));
        }
        kinds.put("ALL", stats(samples));
        report.put("kinds", kinds);
        report.put("errorExamples", errorExamples);
        return report;
    }

    private Map<String, Object> stats(List<Sample> of) {
        Map<String, Object> stats = new LinkedHashMap<>();
        long[] nanos = of.stream().mapToLong(Sample::nanos).sorted().toArray();
        stats.put("requests", of.size());
        stats.put("errors", of.stream().filter(s -> s.failure() != null).count());
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        of.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        stats.put("statuses", statuses);
        stats.put("p50ms", percentile(nanos, 50));
        stats.put("p95ms", percentile(nanos, 95));
        stats.put("p99ms", percentile(nanos, 99));
        stats.put("maxMs", nanos.length == 0 ? 0 : round(nanos[nanos.length - 1] / 1e6));
        return stats;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @SuppressWarnings("unchecked")
    private void write(Map<String, Object> report) throws Exception {
        Path dir = Path.of("target", "load");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("mixed-traffic.json"),
                json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "Mixed traffic on %s: %s s, %d client threads, %d cores, load average %.1f -> %.1f, "
                        + "test JVM CPU %.0f s%n%n",
                report.get("database"),
                report.get("durationSeconds"),
                THREADS,
                report.get("cores"),
                report.get("systemLoadAverageBefore"),
                report.get("systemLoadAverageAfter"),
                report.get("testJvmCpuSeconds")));
        md.append("| kind | requests | errors | statuses | p50 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|---:|\n");
        ((Map<String, Object>) report.get("kinds")).forEach((kind, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            md.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    kind,
                    s.get("requests"),
                    s.get("errors"),
                    s.get("statuses"),
                    s.get("p50ms"),
                    s.get("p95ms"),
                    s.get("p99ms"),
                    s.get("maxMs")));
        });
        md.append(String.format(
                "%nThroughput %s requests/s; %s requests, %s errors; %s registrations created "
                        + "(each with its process instance), %s review tasks completed (each advanced once).%n",
                report.get("throughputPerSecond"),
                report.get("requests"),
                report.get("errors"),
                report.get("createdRegistrations"),
                report.get("completedTasks")));
        Files.writeString(dir.resolve("mixed-traffic.md"), md.toString());
        System.out.println("LOAD mixed traffic\n" + md);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // --- HTTP ---

    private HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        return cookies == null
                ? builder.build()
                : builder.cookieHandler(cookies).build();
    }

    private HttpResponse<String> submit(HttpClient client, com.b2bflow.registration.RegistrationRequest request)
            throws Exception {
        return submitRaw(client, json.writeValueAsString(TestRegistrations.body(request)));
    }

    private HttpResponse<String> submitRaw(HttpClient client, String body) throws Exception {
        return send(client, "POST", "/api/registrations/organization", body, null);
    }

    private HttpResponse<String> get(HttpClient client, String path, String staff) throws Exception {
        return client.send(request(path, staff).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String staff)
            throws Exception {
        return client.send(
                request(path, staff)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean signedIn(HttpResponse<String> signIn) {
        return signIn.statusCode() == 302
                && !signIn.headers().firstValue("Location").orElse("error").contains("error");
    }

    /** The sign-in form as a browser sends it: its page first (session and CSRF token), then the POST. */
    private HttpResponse<String> signIn(HttpClient browser, String logonId, String password) throws Exception {
        String page = browser.send(request("/store/login", null).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String form = "logonId=" + URLEncoder.encode(logonId, StandardCharsets.UTF_8) + "&logonPassword="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(
                request("/store/login", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String staff) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, text/html");
        if (staff != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((staff + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
