package com.b2bflow.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Complete approval lifecycles per second through the Java API: review (approve), account set-up, final approval,
 * activation and the async approval notification, as staff users would do them in Tasklist (authenticated as
 * {@code seller-admin} / {@code account-rep} / {@code seller-approver} with their groups). A lifecycle ends when its approval notification
 * ran: for the application when the SMTP server accepted the mail, for the bare engine when its no-op notification
 * ran.
 *
 * <p>The product's model sends a group its "new task" mail from a branch beside the task (non-interrupting boundary
 * event, async). A completion at the instant that branch's job commits loses the race on the process instance, and
 * drivers that completed each task the moment it existed lost it for half of all completions (2026-12-07), which a
 * person, who learns of the task from that very mail, does not. So a driver completes a task once the instance has
 * no due job left. It asks that without the staff member's authentication: under it the engine showed no jobs at all,
 * the wait ended at once, and 15-60 % of completions still lost a race (a full run of 2026-12-07, 07:53-08:04); asked
 * as the system, none does. A completion that loses a race anyway is repeated, as a person in Tasklist repeats it
 * after the 409, and the log counts how often and which race it was.
 */
final class LifecycleBenchmark {

    static final int DRIVERS = 4;

    private static final AtomicLong RETRIED = new AtomicLong();

    /** The races lost, by the exception that said so (its class and the start of its message). */
    private static final Map<String, AtomicLong> RACES = new ConcurrentHashMap<>();

    /** A system under test: instances waiting at review, and a counter of finished lifecycles. */
    interface Target {
        String name();

        ProcessEngine engine();

        /** Starts {@code count} instances and returns their ids once all wait at {@code Task_ReviewRegistration}. */
        List<String> prepare(int count) throws Exception;

        LongSupplier finished();
    }

    /** Drives every instance through its three staff tasks; lifecycles per second until all are notified. */
    static double measure(Target target, List<String> processInstanceIds) throws Exception {
        TaskService tasks = target.engine().getTaskService();
        ManagementService jobs = target.engine().getManagementService();
        IdentityService identity = target.engine().getIdentityService();
        long before = target.finished().getAsLong();
        RETRIED.set(0);
        RACES.clear();
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(processInstanceIds);
        ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int d = 0; d < DRIVERS; d++) {
            futures.add(drivers.submit(() -> {
                Staff reviewer = new Staff(identity, "seller-admin", "seller-admins");
                Staff accountRep = new Staff(identity, "account-rep", "account-reps");
                // four-eyes: the final approval comes from someone other than the reviewer
                Staff approver = new Staff(identity, "seller-approver", "seller-admins");
                for (String id = queue.poll(); id != null; id = queue.poll()) {
                    complete(jobs, tasks, reviewer, id, "Task_ReviewRegistration", Map.of("approved", true));
                    complete(
                            jobs,
                            tasks,
                            accountRep,
                            id,
                            "Task_SetUpAccount",
                            Map.of(
                                    "accountName",
                                    "Main account",
                                    "contractName",
                                    "Standard terms",
                                    "contractValidFrom",
                                    "2026-01-01"));
                    complete(jobs, tasks, approver, id, "Task_ApproveRegistration", Map.of("approved", true));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        drivers.shutdown();
        long driven = System.nanoTime();
        long target2 = before + processInstanceIds.size();
        while (target.finished().getAsLong() < target2) {
            Thread.sleep(10);
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException(target.name() + ": lifecycles not finished within 10 minutes");
            }
        }
        long end = System.nanoTime();
        Log.info(
                "%s: staff tasks done after %.2f s, last notification after %.2f s; %d of %d completions repeated after"
                        + " a concurrent update%s",
                target.name(),
                (driven - start) / 1e9,
                (end - start) / 1e9,
                RETRIED.get(),
                3L * processInstanceIds.size(),
                RACES.isEmpty() ? "" : " " + RACES);
        return processInstanceIds.size() / ((end - start) / 1e9);
    }

    /** A staff member of a group, as Tasklist authenticates them for a task's query and completion. */
    private record Staff(IdentityService identity, String user, String group) {

        void signIn() {
            identity.setAuthentication(user, List.of(group));
        }

        void signOut() {
            identity.clearAuthentication();
        }
    }

    private static void complete(
            ManagementService jobs,
            TaskService tasks,
            Staff staff,
            String processInstanceId,
            String taskKey,
            Map<String, Object> variables)
            throws InterruptedException {
        // a person acts on the task once its mail arrived: wait until the instance's due jobs (the "new task" mail
        // of the product's model) ran. Asked without the staff member's authentication: the engine shows a staff
        // member no jobs (they may read tasks, not process instances), and a query under it always counted 0
        while (jobs.createJobQuery()
                        .processInstanceId(processInstanceId)
                        .executable()
                        .count()
                > 0) {
            Thread.sleep(2);
        }
        staff.signIn();
        try {
            Task task = tasks.createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException("No " + taskKey + " in " + processInstanceId);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    tasks.complete(task.getId(), variables);
                    return;
                } catch (ProcessEngineException e) {
                    Throwable race = lostARace(e);
                    if (attempt == 20 || race == null) {
                        throw e;
                    }
                    RETRIED.incrementAndGet();
                    // without ids, so that races of one kind count together
                    String message = String.valueOf(race.getMessage())
                            .replaceAll("\\[[^\\]]*\\]", "[]")
                            .replaceAll("[0-9a-f-]{8,}", "…");
                    RACES.computeIfAbsent(
                                    race.getClass().getSimpleName() + ": "
                                            + message.substring(0, Math.min(90, message.length())),
                                    k -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        } finally {
            staff.signOut();
        }
    }

    /**
     * The races the product's engine REST answers with 409 (EngineRestErrors): an optimistic-locking conflict, the
     * notification branch's execution ended under the completion (ENGINE-03077), a deadlock or serialization failure
     * of the database (SQL state class 40): the exception that says which, or null.
     */
    private static Throwable lostARace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException
                    || String.valueOf(cause.getMessage()).startsWith("ENGINE-03077")
                    || (cause instanceof SQLException sql
                            && String.valueOf(sql.getSQLState()).startsWith("40"))) {
                return cause;
            }
        }
        return null;
    }

    /** Waits until {@code expected} tasks wait at review (counted over the whole engine). */
    static void awaitAtReview(ProcessEngine engine, long expected) throws InterruptedException {
        long start = System.nanoTime();
        while (engine.getTaskService()
                        .createTaskQuery()
                        .taskDefinitionKey("Task_ReviewRegistration")
                        .count()
                < expected) {
            Thread.sleep(20);
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException("Instances did not reach review within 10 minutes");
            }
        }
    }

    private LifecycleBenchmark() {}
}
