package com.b2bflow.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * no due job left; a completion that still loses a race is repeated, as a person in Tasklist repeats it after the
 * 409, and the log counts how often.
 */
final class LifecycleBenchmark {

    static final int DRIVERS = 4;

    private static final AtomicLong RETRIED = new AtomicLong();

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
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(processInstanceIds);
        ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int d = 0; d < DRIVERS; d++) {
            futures.add(drivers.submit(() -> {
                for (String id = queue.poll(); id != null; id = queue.poll()) {
                    try {
                        identity.setAuthentication("seller-admin", List.of("seller-admins"));
                        complete(jobs, tasks, id, "Task_ReviewRegistration", Map.of("approved", true));
                        identity.setAuthentication("account-rep", List.of("account-reps"));
                        complete(
                                jobs,
                                tasks,
                                id,
                                "Task_SetUpAccount",
                                Map.of(
                                        "accountName",
                                        "Main account",
                                        "contractName",
                                        "Standard terms",
                                        "contractValidFrom",
                                        "2026-01-01"));
                        // four-eyes: the final approval comes from someone other than the reviewer
                        identity.setAuthentication("seller-approver", List.of("seller-admins"));
                        complete(jobs, tasks, id, "Task_ApproveRegistration", Map.of("approved", true));
                    } finally {
                        identity.clearAuthentication();
                    }
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
                        + " a concurrent update",
                target.name(),
                (driven - start) / 1e9,
                (end - start) / 1e9,
                RETRIED.get(),
                3L * processInstanceIds.size());
        return processInstanceIds.size() / ((end - start) / 1e9);
    }

    private static void complete(
            ManagementService jobs,
            TaskService tasks,
            String processInstanceId,
            String taskKey,
            Map<String, Object> variables)
            throws InterruptedException {
        // a person acts on the task once its mail arrived: wait until the instance's due jobs (the "new task" mail
        // of the product's model) ran
        while (jobs.createJobQuery()
                        .processInstanceId(processInstanceId)
                        .executable()
                        .count()
                > 0) {
            Thread.sleep(2);
        }
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
                if (attempt == 20 || !lostARace(e)) {
                    throw e;
                }
                RETRIED.incrementAndGet();
            }
        }
    }

    /**
     * The races the product's engine REST answers with 409 (EngineRestErrors): an optimistic-locking conflict, the
     * notification branch's execution ended under the completion (ENGINE-03077), a deadlock or serialization failure
     * of the database (SQL state class 40).
     */
    private static boolean lostARace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException
                    || String.valueOf(cause.getMessage()).startsWith("ENGINE-03077")
                    || (cause instanceof SQLException sql
                            && String.valueOf(sql.getSQLState()).startsWith("40"))) {
                return true;
            }
        }
        return false;
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
