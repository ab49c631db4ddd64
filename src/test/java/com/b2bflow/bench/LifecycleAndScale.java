package com.b2bflow.bench;

final class LifecycleAndScale {
    private final BenchmarkRunner run;

    LifecycleAndScale(BenchmarkRunner run) {
        this.run = run;
    }

    void run() throws Exception {
    }
}
