package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * With {@code -Dbench.profile=true} ({@code bench/run --profile}): a Java Flight Recorder CPU profile of the
 * application process while a benchmark runs, written to {@code target/bench/<name>.jfr}; {@code bench/profile.py}
 * summarizes it.
 */
final class Profiler {

    private Profiler() {
    }

    static void start(JarNode node, String name) throws IOException, InterruptedException {
        jcmd(node, "JFR.start", "name=" + name, "settings=profile");
    }

    static void stop(JarNode node, String name) throws IOException, InterruptedException {
        Path file = BenchmarkRunner.OUT.resolve(name + ".jfr").toAbsolutePath();
        jcmd(node, "JFR.stop", "name=" + name, "filename=" + file);
        Log.info("profile of %s written to %s", name, file);
    }

    private static void jcmd(JarNode node, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        command[1] = String.valueOf(node.process.pid());
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
    }
}
