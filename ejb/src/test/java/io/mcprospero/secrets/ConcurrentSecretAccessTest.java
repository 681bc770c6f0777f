package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.persistence.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many threads writing and reading secrets of several orgs at once: every read returns exactly its own value. */
class ConcurrentSecretAccessTest {

    private static final int THREADS = 8;
    private static final int ORGS = 3;
    private static final int NAMES_PER_THREAD = 4;
    private static final int ROUNDS = 25;

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void interleavedWritesAndReadsAcrossOrgsEachReadTheirOwnValue(SecretsWorld.Setup setup) throws Exception {
        try (SecretsWorld world = setup.open()) {
            List<String> orgs = new ArrayList<>();
            for (int i = 0; i < ORGS; i++) {
                orgs.add(world.newOrg("Org " + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> threads = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    int id = thread;
                    threads.add(pool.submit(() -> readOwnWrites(world, orgs, id)));
                }
                for (Future<Integer> thread : threads) {
                    assertThat(thread.get(120, TimeUnit.SECONDS)).isEqualTo(ROUNDS);
                }
            } finally {
                pool.shutdownNow();
            }
            // what the threads left behind, read again by an instance that has cached nothing
            SecretsWorld cold = world.anotherInstance();
            for (int thread = 0; thread < THREADS; thread++) {
                for (int name = 0; name < NAMES_PER_THREAD; name++) {
                    assertThat(cold.secrets.get(orgs.get(thread % ORGS), "t" + thread + "-n" + name))
                            .hasValueSatisfying(value -> assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("t"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void concurrentWritesOfOneSecretLeaveOneWholeValue(SecretsWorld.Setup setup) throws Exception {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            Set<String> written = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int id = thread;
                    writers.add(pool.submit(() -> {
                        for (int round = 0; round < 10; round++) {
                            String value = "writer-" + id + "-round-" + round;
                            written.add(value);
                            world.secrets.put(org, "shared", SecretKind.OAUTH_TOKEN, value.getBytes(StandardCharsets.UTF_8));
                        }
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(world.secrets.get(org, "shared")).hasValueSatisfying(value ->
                    assertThat(written).contains(new String(value, StandardCharsets.UTF_8)));
            assertThat(world.anotherInstance().secrets.get(org, "shared")).isPresent();
            assertThat(world.secrets.list(org)).hasSize(1);
        }
    }

    /** One thread's story: write its own secrets in its org, read each back right away and at random later. */
    private static int readOwnWrites(SecretsWorld world, List<String> orgs, int thread) {
        String org = orgs.get(thread % ORGS);
        Map<String, String> mine = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "t" + thread + "-n" + (round % NAMES_PER_THREAD);
            String value = "t" + thread + "-r" + round + "-" + "x".repeat(round * 37);
            world.secrets.put(org, name, SecretKind.API_KEY, value.getBytes(StandardCharsets.UTF_8));
            mine.put(name, value);
            for (Map.Entry<String, String> own : mine.entrySet()) {
                byte[] read = world.secrets.get(org, own.getKey()).orElseThrow();
                assertThat(new String(read, StandardCharsets.UTF_8)).as(own.getKey()).isEqualTo(own.getValue());
            }
        }
        return ROUNDS;
    }
}
