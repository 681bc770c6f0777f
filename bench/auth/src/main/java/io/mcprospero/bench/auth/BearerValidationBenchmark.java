package io.mcprospero.bench.auth;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: bearer validation plus authorization as /mcp does it, as it did before our identity store (Payara's), and
 * nimbus RS256 verification alone (see {@link BearerCase}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BearerValidationBenchmark {

    private BearerCase bearer;

    @Setup
    public void setUp() throws Exception {
        bearer = new BearerCase();
    }

    @Benchmark
    public boolean mcprosperoBearerAndAuthz() {
        return bearer.mcprospero();
    }

    @Benchmark
    public boolean payaraMpJwtAndAuthzBefore() {
        return bearer.payara();
    }

    @Benchmark
    public boolean nimbusRs256Alone() {
        return bearer.nimbusAlone();
    }

    public static void main(String[] arguments) throws RunnerException {
        new Runner(new OptionsBuilder().include(BearerValidationBenchmark.class.getSimpleName()).build()).run();
    }
}
