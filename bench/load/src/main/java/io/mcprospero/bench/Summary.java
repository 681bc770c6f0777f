package io.mcprospero.bench;

import java.util.Arrays;
import java.util.List;

/** The measured slices of one target, put together. */
record Summary(String target, long succeeded, long errors, double seconds, long[] sortedLatencyNanos,
               long serverCpuNanos, long clientCpuNanos, long connects, List<String> errorSamples) {

    static Summary of(String target, List<LoadRunner.Slice> slices) {
        long succeeded = 0;
        long errors = 0;
        long wall = 0;
        long serverCpu = 0;
        long clientCpu = 0;
        long connects = 0;
        int latencyCount = 0;
        List<String> samples = new java.util.ArrayList<>();
        for (LoadRunner.Slice slice : slices) {
            succeeded += slice.succeeded();
            errors += slice.errors();
            wall += slice.wallNanos();
            serverCpu += slice.serverCpuNanos();
            clientCpu += slice.clientCpuNanos();
            connects += slice.connects();
            latencyCount += slice.latencyNanos().length;
            samples.addAll(slice.errorSamples());
        }
        long[] latencies = new long[latencyCount];
        int at = 0;
        for (LoadRunner.Slice slice : slices) {
            System.arraycopy(slice.latencyNanos(), 0, latencies, at, slice.latencyNanos().length);
            at += slice.latencyNanos().length;
        }
        Arrays.sort(latencies);
        return new Summary(target, succeeded, errors, wall / 1e9, latencies, serverCpu, clientCpu, connects,
                samples.subList(0, Math.min(5, samples.size())));
    }

    double throughput() {
        return succeeded / seconds;
    }

    /** The latency below which {@code fraction} of the successful requests completed, in milliseconds. */
    double percentileMillis(double fraction) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
    }

    /** Server CPU time per successful request, in microseconds (the least noisy number on a shared machine). */
    double serverCpuMicrosPerRequest() {
        return succeeded == 0 ? Double.NaN : serverCpuNanos / 1e3 / succeeded;
    }

    /** Server CPU use during the slices, in cores (2.0 = both cores of a 2-core machine busy). */
    double serverCores() {
        return serverCpuNanos / 1e9 / seconds;
    }

    double clientCores() {
        return clientCpuNanos / 1e9 / seconds;
    }
}
