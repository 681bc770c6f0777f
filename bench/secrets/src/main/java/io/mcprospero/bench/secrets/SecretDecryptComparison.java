package io.mcprospero.bench.secrets;

import java.util.Arrays;

/**
 * The same comparison as {@link SecretDecryptBenchmark}, for machines that are busy with other work: the two
 * ways alternate in short rounds on one thread, so both see the same background load, and the medians of
 * the rounds are compared. Prints both side by side.
 */
public final class SecretDecryptComparison {

    private static final int ROUNDS = 200;

    public static void main(String[] arguments) throws Exception {
        System.out.printf("%10s %16s %16s %8s%n", "bytes", "envelope ns/op", "raw JCE ns/op", "ratio");
        for (int size : new int[] {64, 1024, 65536}) {
            DecryptCase secret = new DecryptCase(size);
            int perRound = Math.max(20, 2_000_000 / (size + 500));
            for (int warmup = 0; warmup < 20; warmup++) {
                time(secret, perRound, true);
                time(secret, perRound, false);
            }
            double[] envelope = new double[ROUNDS];
            double[] raw = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                boolean envelopeFirst = round % 2 == 0;
                double first = time(secret, perRound, envelopeFirst);
                double second = time(secret, perRound, !envelopeFirst);
                envelope[round] = envelopeFirst ? first : second;
                raw[round] = envelopeFirst ? second : first;
            }
            double envelopeMedian = median(envelope);
            double rawMedian = median(raw);
            System.out.printf("%10d %16.0f %16.0f %7.2fx%n", size, envelopeMedian, rawMedian, envelopeMedian / rawMedian);
        }
        System.out.println("target: envelope at most 2x raw JCE AES-GCM (medians of " + ROUNDS + " alternating rounds)");
    }

    private static double time(DecryptCase secret, int operations, boolean envelope) throws Exception {
        long checksum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            checksum += (envelope ? secret.envelopeOpen() : secret.rawJceAesGcm()).length;
        }
        long elapsed = System.nanoTime() - start;
        if (checksum == 42) {
            System.out.print("");
        }
        return (double) elapsed / operations;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
