package io.mcprospero.bench.auth;

import java.util.Arrays;

/**
 * The same comparison as {@link BearerValidationBenchmark}, for machines busy with other work: the two ways
 * alternate in short rounds on one thread, so both see the same background load, and the medians of the
 * rounds are compared. Prints both side by side and the ratio.
 */
public final class BearerValidationComparison {

    private static final int ROUNDS = 200;
    private static final int PER_ROUND = 200;

    public static void main(String[] arguments) throws Exception {
        BearerCase bearer = new BearerCase();
        for (int warmup = 0; warmup < 50; warmup++) {
            time(bearer, true);
            time(bearer, false);
        }
        double[] mcprospero = new double[ROUNDS];
        double[] nimbus = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            boolean mcprosperoFirst = round % 2 == 0;
            double first = time(bearer, mcprosperoFirst);
            double second = time(bearer, !mcprosperoFirst);
            mcprospero[round] = mcprosperoFirst ? first : second;
            nimbus[round] = mcprosperoFirst ? second : first;
        }
        double mcprosperoMedian = median(mcprospero);
        double nimbusMedian = median(nimbus);
        System.out.printf("%28s %14s%n", "", "ns/op");
        System.out.printf("%28s %14.0f%n", "MCProspero (MP-JWT + authz)", mcprosperoMedian);
        System.out.printf("%28s %14.0f%n", "nimbus RS256 alone", nimbusMedian);
        System.out.printf("%28s %13.2fx%n", "ratio", mcprosperoMedian / nimbusMedian);
        System.out.println("target: at most 1.5x (medians of " + ROUNDS + " alternating rounds of " + PER_ROUND + ")");
    }

    private static double time(BearerCase bearer, boolean mcprospero) {
        int valid = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PER_ROUND; i++) {
            valid += (mcprospero ? bearer.mcprospero() : bearer.nimbusAlone()) ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;
        if (valid != PER_ROUND) {
            throw new IllegalStateException("a token did not validate");
        }
        return (double) elapsed / PER_ROUND;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
