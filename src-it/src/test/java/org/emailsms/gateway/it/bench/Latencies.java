package org.emailsms.gateway.it.bench;

import java.util.Arrays;

/** Call latencies, as the client measured them, and their percentiles in milliseconds. */
record Latencies(long[] nanos) {

    double percentile(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d calls)", percentile(50), percentile(99),
                percentile(99.9), nanos.length);
    }
}
