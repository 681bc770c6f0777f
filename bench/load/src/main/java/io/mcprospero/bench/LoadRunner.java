package io.mcprospero.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: a fixed pool of N threads, each one client with its own keep-alive connection, sending
 * its next request as soon as the previous answer is read, for a fixed time. One runner per server.
 */
final class LoadRunner implements AutoCloseable {

    /** One timed slice of load against one target. */
    record Slice(String target, long succeeded, long errors, long[] latencyNanos, long wallNanos,
                 long serverCpuNanos, long clientCpuNanos, long connects, List<String> errorSamples) {

        double throughput() {
            return succeeded / (wallNanos / 1e9);
        }
    }

    private final ServerProcess server;
    private final int clients;
    private final ExecutorService pool;
    private final HttpConnection[] connections;
    private final long[] sequences;

    LoadRunner(ServerProcess server, int clients) {
        this.server = server;
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "load-client");
            thread.setDaemon(true);
            return thread;
        });
        this.connections = new HttpConnection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = new HttpConnection(new InetSocketAddress("localhost", server.port()), 30_000);
        }
        this.sequences = new long[clients];
    }

    /** Runs every client against {@code target} for {@code seconds}. */
    Slice run(Target target, double seconds) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Future<Worker>> futures = new ArrayList<>();
        long[] connectsBefore = new long[clients];
        for (int i = 0; i < clients; i++) {
            connectsBefore[i] = connections[i].connects();
            Worker worker = new Worker(i, target, go, end);
            futures.add(pool.submit((Callable<Worker>) worker));
        }
        Thread.sleep(100); // every worker parked at the gate
        long serverCpu = server.cpuNanos();
        long clientCpu = processCpuNanos();
        long start = System.nanoTime();
        end[0] = start + (long) (seconds * 1e9);
        go.countDown();
        List<Worker> done = new ArrayList<>();
        for (Future<Worker> future : futures) {
            try {
                done.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
        }
        long wall = System.nanoTime() - start;
        serverCpu = server.cpuNanos() - serverCpu;
        clientCpu = processCpuNanos() - clientCpu;

        long succeeded = 0;
        long errors = 0;
        long connects = 0;
        List<String> samples = new ArrayList<>();
        for (Worker worker : done) {
            succeeded += worker.count;
            errors += worker.errors;
            connects += connections[worker.client].connects() - connectsBefore[worker.client];
            for (String sample : worker.samples) {
                if (samples.size() < 5) {
                    samples.add(sample);
                }
            }
        }
        long[] latencies = new long[(int) succeeded];
        int at = 0;
        for (Worker worker : done) {
            System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
            at += worker.count;
        }
        return new Slice(target.name(), succeeded, errors, latencies, wall, serverCpu, clientCpu, connects, samples);
    }

    private final class Worker implements Callable<Worker> {
        final int client;
        final Target target;
        final CountDownLatch go;
        final long[] end;
        long[] latencies = new long[4096];
        int count;
        long errors;
        final List<String> samples = new ArrayList<>();

        Worker(int client, Target target, CountDownLatch go, long[] end) {
            this.client = client;
            this.target = target;
            this.go = go;
            this.end = end;
        }

        @Override
        public Worker call() throws InterruptedException {
            go.await();
            long deadline = end[0];
            HttpConnection connection = connections[client];
            while (true) {
                byte[] request = target.request(client, sequences[client]++);
                long started = System.nanoTime();
                if (started >= deadline) {
                    return this;
                }
                try {
                    HttpConnection.Response response = connection.exchange(request);
                    long took = System.nanoTime() - started;
                    if (target.succeeded(response)) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                    } else {
                        error(response.status() + " " + McpClient.abbreviate(response.body()));
                    }
                } catch (IOException e) {
                    connection.close();
                    error(e.toString());
                }
            }
        }

        private void error(String sample) {
            errors++;
            if (samples.size() < 2) {
                samples.add(sample);
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (HttpConnection connection : connections) {
            connection.close();
        }
    }
}
