package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of processes from {@code /proc}: the application, the PostgreSQL server with its
 * backends, and this benchmark JVM (HTTP clients and the SMTP server). On a shared machine CPU seconds per unit of
 * work are steadier than wall-clock rates, so they are reported next to them.
 */
final class CpuMeter {

    private static final double TICKS = 100.0;

    private CpuMeter() {}

    /** CPU seconds of one process (all its threads). */
    static double process(long pid) {
        long[] fields = stat(pid);
        return fields == null ? 0 : (fields[11] + fields[12]) / TICKS;
    }

    /**
     * CPU seconds of a process by thread kind (thread names without their numbers: {@code C2 CompilerThread},
     * {@code GC Thread}, {@code http-nio-exec}, ...), the largest first: shows JIT compilation and GC beside the
     * request and job threads that a sampling profiler sees.
     */
    static java.util.Map<String, Double> byThreadKind(long pid) {
        java.util.Map<String, Double> kinds = new java.util.HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[#-]?\\d+", "")
                            .strip();
                    String[] parts = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(parts[11]) + Long.parseLong(parts[12])) / TICKS;
                    kinds.merge(name, seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return kinds;
        }
        java.util.Map<String, Double> sorted = new java.util.LinkedHashMap<>();
        kinds.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), Stats.round(e.getValue(), 2)));
        return sorted;
    }

    /** CPU seconds the JIT compiler threads of a process used. */
    static double compilerSeconds(long pid) {
        return byThreadKind(pid).entrySet().stream()
                .filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(java.util.Map.Entry::getValue)
                .sum();
    }

    /** CPU seconds of a process, its children, and its reaped children. */
    static double withChildren(long pid) {
        long[] parent = stat(pid);
        if (parent == null) {
            return 0;
        }
        double total = (parent[11] + parent[12] + parent[13] + parent[14]) / TICKS;
        for (long child : children(pid)) {
            total += process(child);
        }
        return total;
    }

    /** The PostgreSQL server process listening on {@code port} (its command line has {@code -p <port>}). */
    static long postmaster(int port) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String commandLine =
                            Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (commandLine.contains("postgres") && commandLine.contains("-p " + port)) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return -1;
    }

    static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                long[] fields = stat(Long.parseLong(process.getFileName().toString()));
                if (fields != null && fields[1] == pid) {
                    children.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return children;
    }

    /** The numeric fields after the command name: [0] state (0), [1] ppid, ..., [11] utime, [12] stime, ... */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] parts = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long[] fields = new long[parts.length];
            for (int i = 1; i < parts.length; i++) {
                try {
                    fields[i] = Long.parseLong(parts[i]);
                } catch (NumberFormatException notNumeric) {
                    fields[i] = 0;
                }
            }
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** A snapshot of the three parties' CPU seconds. */
    record Snapshot(double app, double database, double bench) {

        static Snapshot take(long appPid, long postmasterPid) {
            return new Snapshot(
                    process(appPid),
                    postmasterPid < 0 ? 0 : withChildren(postmasterPid),
                    process(ProcessHandle.current().pid()));
        }

        Snapshot scaled(double factor) {
            return new Snapshot(app * factor, database * factor, bench * factor);
        }

        Snapshot minus(Snapshot before) {
            return new Snapshot(app - before.app, database - before.database, bench - before.bench);
        }
    }
}
