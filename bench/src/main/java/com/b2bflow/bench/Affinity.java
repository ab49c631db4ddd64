package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU affinity through {@code taskset}: gives the application process cores of its own, and PostgreSQL, the SMTP
 * server and the HTTP clients the others, as separate machines would. Threads inherit the affinity of the thread
 * that starts them, so new backends, request threads and client threads stay where their process was put.
 */
final class Affinity {

    private Affinity() {}

    /** The cores: the upper half for the application, the lower half for everything else. */
    record Split(String application, String others, String all) {

        static Split ofMachine() {
            int cpus = Runtime.getRuntime().availableProcessors();
            int half = cpus / 2;
            return new Split(range(half, cpus - 1), range(0, half - 1), range(0, cpus - 1));
        }

        private static String range(int from, int to) {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }

    static boolean available() {
        return Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
    }

    /** Every thread of {@code pid}. */
    static void pinProcess(long pid, String cpus) {
        taskset("-a", "-p", "-c", cpus, String.valueOf(pid));
    }

    /** Every thread of {@code pid} and of its child processes (PostgreSQL's server and its backends). */
    static void pinProcessTree(long pid, String cpus) {
        pinProcess(pid, cpus);
        for (long child : CpuMeter.children(pid)) {
            pinProcess(child, cpus);
        }
    }

    /** The calling thread only. */
    static void pinCurrentThread(String cpus) {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
            taskset("-p", "-c", cpus, tid);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find this thread's id", e);
        }
    }

    private static void taskset(String... arguments) {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
