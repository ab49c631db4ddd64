package com.b2bflow.bench;

/**
 * Runs warm-up batches until the JIT compiler is (nearly) done with a process: until its compiler threads used under
 * 5% of the process's CPU during a batch, or after {@code maxBatches}. Measured rounds that start earlier measure
 * the compiler as much as the code.
 */
final class JitWarmUp {

    interface Batch {
        void run() throws Exception;
    }

    private JitWarmUp() {}

    /** Returns how many batches ran; logs each batch's share of compilation as "{@code label}: warm-up batch n". */
    static int until(long pid, int maxBatches, String label, String whoseCpu, Batch batch) throws Exception {
        for (int n = 1; n <= maxBatches; n++) {
            double compilerBefore = CpuMeter.compilerSeconds(pid);
            double cpuBefore = CpuMeter.process(pid);
            batch.run();
            double compiler = CpuMeter.compilerSeconds(pid) - compilerBefore;
            double cpu = CpuMeter.process(pid) - cpuBefore;
            Log.info(
                    "%s: warm-up batch %d: JIT compilation %.0f%% of %s CPU", label, n, 100 * compiler / cpu, whoseCpu);
            if (compiler < 0.05 * cpu) {
                return n;
            }
        }
        return maxBatches;
    }
}
