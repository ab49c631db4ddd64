package com.b2bflow.bench;

/** A one-line progress bar on stderr: {@code [#########...........]  45% users 450,000/1,000,000}. */
final class Progress {

    private static final int WIDTH = 30;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
        update(0);
    }

    void update(long done) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(
                "\r  [%s%s] %3d%% %-22s %,d/%,d  %.0f s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                total == 0 ? 100 : 100 * done / total,
                what,
                done,
                total,
                seconds);
        if (done >= total) {
            System.err.println();
        }
        System.err.flush();
    }
}
