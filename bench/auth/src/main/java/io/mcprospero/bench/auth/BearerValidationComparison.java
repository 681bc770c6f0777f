package io.mcprospero.bench.auth;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The same comparison as {@link BearerValidationBenchmark}, for machines busy with other work: the three ways
 * take turns in short rounds on one thread (the order rotating each round), so all see the same background
 * load, and the medians of the rounds are compared. Prints them side by side and the ratios to nimbus alone.
 */
public final class BearerValidationComparison {

    private static final int ROUNDS = 200;
    private static final int PER_ROUND = 200;

    public static void main(String[] arguments) throws Exception {
        BearerCase bearer = new BearerCase();
        BooleanSupplier[] ways = {bearer::mcprospero, bearer::payara, bearer::nimbusAlone};
        String[] names = {"MCProspero (our store + authz)", "before: Payara MP-JWT + authz", "nimbus RS256 alone"};
        for (int warmup = 0; warmup < 50; warmup++) {
            for (BooleanSupplier way : ways) {
                time(way);
            }
        }
        double[][] timings = new double[ways.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int turn = 0; turn < ways.length; turn++) {
                int way = (round + turn) % ways.length;
                timings[way][round] = time(ways[way]);
            }
        }
        double nimbus = median(timings[2]);
        System.out.printf("%32s %14s %14s%n", "", "ns/op", "/ nimbus");
        for (int way = 0; way < ways.length; way++) {
            double median = median(timings[way]);
            System.out.printf("%32s %14.0f %13.2fx%n", names[way], median, median / nimbus);
        }
        System.out.printf("%32s %13.2fx%n", "before / now", median(timings[1]) / median(timings[0]));
        System.out.println("target: MCProspero at most 1.5x nimbus alone (medians of " + ROUNDS + " rotating rounds of " + PER_ROUND + ")");
    }

    private static double time(BooleanSupplier way) {
        int valid = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PER_ROUND; i++) {
            valid += way.getAsBoolean() ? 1 : 0;
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
