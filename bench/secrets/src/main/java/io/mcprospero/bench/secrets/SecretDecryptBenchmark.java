package io.mcprospero.bench.secrets;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Decrypting a hot secret through the envelope (data key from the cache, AES-256-GCM with the secret's
 * additional data) against raw JCE AES-GCM decrypting the same ciphertext with the same key and additional
 * data. Target: the envelope costs at most twice the raw cipher. {@link #main} prints both side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class SecretDecryptBenchmark {

    @Param({"64", "1024", "65536"})
    int size;

    private DecryptCase secret;

    @Setup
    public void seal() throws Exception {
        secret = new DecryptCase(size);
    }

    @Benchmark
    public byte[] envelopeOpen() {
        return secret.envelopeOpen();
    }

    @Benchmark
    public byte[] rawJceAesGcm() throws Exception {
        return secret.rawJceAesGcm();
    }

    public static void main(String[] arguments) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(SecretDecryptBenchmark.class.getSimpleName()).build()).run();
        Map<Integer, double[]> bySize = new TreeMap<>();
        for (RunResult result : results) {
            int size = Integer.parseInt(result.getParams().getParam("size"));
            boolean envelope = result.getParams().getBenchmark().endsWith("envelopeOpen");
            bySize.computeIfAbsent(size, ignored -> new double[2])[envelope ? 0 : 1] = result.getPrimaryResult().getScore();
        }
        System.out.printf("%n%10s %16s %16s %8s%n", "bytes", "envelope ns/op", "raw JCE ns/op", "ratio");
        bySize.forEach((size, scores) -> System.out.printf("%10d %16.0f %16.0f %7.2fx%n", size, scores[0], scores[1], scores[0] / scores[1]));
        System.out.println("target: envelope at most 2x raw JCE AES-GCM");
    }
}
