package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * With {@code -Dbench.profile=true} ({@code bench/run --profile}): a Java Flight Recorder CPU profile of the
 * application process while a benchmark runs, written to {@code target/bench/<name>.jfr}; {@code bench/profile.py}
 * summarizes it.
 */
final class Profiler {

    private Profiler() {}

    static void start(JarNode node, String name) throws IOException, InterruptedException {
        jcmd(node, "JFR.start", "name=" + name, "settings=profile");
    }

    static void stop(JarNode node, String name) throws IOException, InterruptedException {
        Path file = BenchmarkRunner.OUT.resolve(name + ".jfr").toAbsolutePath();
        jcmd(node, "JFR.stop", "name=" + name, "filename=" + file);
        Log.info("profile of %s written to %s", name, file);
    }

    /** The heap after a full collection (jcmd GC.run, GC.heap_info): what the live set needs, for tuning -Xmx. */
    static String heapAfterFullGc(JarNode node) throws IOException, InterruptedException {
        jcmd(node, "GC.run");
        String nativeMemory = output(node, "VM.native_memory", "summary")
                .lines()
                .filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                .reduce("", (a, b) -> a + b + "\n");
        return output(node, "GC.heap_info")
                + output(node, "VM.metaspace", "summary")
                        .lines()
                        .filter(l -> l.contains("Both:") || l.contains("Virtual space:"))
                        .reduce("", (a, b) -> a + b + "\n")
                + nativeMemory;
    }

    private static String output(JarNode node, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = ApplicationJvm.tool("jcmd");
        command[1] = String.valueOf(node.process.pid());
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }

    private static void jcmd(JarNode node, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = ApplicationJvm.tool("jcmd");
        command[1] = String.valueOf(node.process.pid());
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor();
    }
}
