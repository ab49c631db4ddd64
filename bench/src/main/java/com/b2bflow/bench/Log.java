package com.b2bflow.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Benchmark progress messages on stderr (the results go to files). */
final class Log {

    private Log() {}

    static void info(String format, Object... args) {
        System.err.println(
                "[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
        System.err.flush();
    }
}
