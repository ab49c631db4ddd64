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

    /**
     * How a warm-up ended: after {@code batches}, {@code settled} when the last one's compilation share was under 5%.
     * An unsettled warm-up leaves the compiler to the measured rounds, and their ratios read low.
     */
    record WarmUp(int batches, boolean settled, double compilerShare) {

        /** A note for results.md when the warm-up did not settle; empty otherwise. */
        String unsettledNote(String what) {
            return settled
                    ? ""
                    : String.format(
                            "%s: the JIT compiler still took %.0f%% of the CPU after the last of %d warm-up batches: the"
                                    + " rounds measured it too, and the ratio reads low (not comparable with a run whose"
                                    + " warm-up settled)",
                            what, 100 * compilerShare, batches);
        }
    }

    private JitWarmUp() {}

    /** Runs the batches; logs each batch's share of compilation as "{@code label}: warm-up batch n". */
    static WarmUp until(long pid, int maxBatches, String label, String whoseCpu, Batch batch) throws Exception {
        double share = 1;
        for (int n = 1; n <= maxBatches; n++) {
            double compilerBefore = CpuMeter.compilerSeconds(pid);
            double cpuBefore = CpuMeter.process(pid);
            batch.run();
            double compiler = CpuMeter.compilerSeconds(pid) - compilerBefore;
            double cpu = CpuMeter.process(pid) - cpuBefore;
            share = cpu > 0 ? compiler / cpu : 0;
            Log.info("%s: warm-up batch %d: JIT compilation %.0f%% of %s CPU", label, n, 100 * share, whoseCpu);
            if (share < 0.05) {
                return new WarmUp(n, true, share);
            }
        }
        Log.info("%s: WARNING: warm-up ended with JIT compilation still at %.0f%%", label, 100 * share);
        return new WarmUp(maxBatches, false, share);
    }
}
