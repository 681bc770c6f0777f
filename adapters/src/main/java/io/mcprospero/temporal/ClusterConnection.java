package io.mcprospero.temporal;

import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gRPC connection options of a Temporal cluster from {@link TemporalSettings}: TLS with the JVM's trust store or
 * the given server CA, a client certificate for mutual TLS, an API key as a bearer token (sent only over TLS, which
 * the settings guarantee).
 */
final class ClusterConnection {

    /** Temporal Cloud routes API-key requests by this header; a self-hosted frontend ignores it. */
    private static final Metadata.Key<String> NAMESPACE_HEADER = Metadata.Key.of("temporal-namespace", Metadata.ASCII_STRING_MARSHALLER);

    private ClusterConnection() {
    }

    static WorkflowServiceStubsOptions options(TemporalSettings settings) {
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target().orElseThrow());
        settings.tls().ifPresent(tls -> {
            if (tls.serverCa().isEmpty() && !tls.mutual()) {
                options.setEnableHttps(true);
            } else {
                options.setSslContext(sslContext(tls));
            }
            tls.serverName().ifPresent(name -> options.setChannelInitializer(channel -> channel.overrideAuthority(name)));
        });
        settings.apiKey().ifPresent(key -> {
            options.addApiKey(() -> key);
            Metadata headers = new Metadata();
            headers.put(NAMESPACE_HEADER, settings.namespace());
            options.setHeaders(headers);
        });
        return options.build();
    }

    /** Reads the PEM files now, so that a bad one fails the start naming the file, not the first call. */
    static SslContext sslContext(TemporalSettings.Tls tls) {
        SslContextBuilder builder = GrpcSslContexts.forClient();
        tls.serverCa().ifPresent(ca -> {
            try (InputStream in = open(TemporalSettings.SERVER_CA, ca)) {
                builder.trustManager(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                throw refused(TemporalSettings.SERVER_CA, ca, "a PEM file of one or more CA certificates", unreadable);
            }
        });
        if (tls.mutual()) {
            Path cert = tls.clientCert().orElseThrow();
            Path key = tls.clientKey().orElseThrow();
            try (InputStream certIn = open(TemporalSettings.CLIENT_CERT, cert); InputStream keyIn = open(TemporalSettings.CLIENT_KEY, key)) {
                builder.keyManager(certIn, keyIn);
            } catch (IOException | IllegalArgumentException unreadable) {
                throw refused(TemporalSettings.CLIENT_CERT + " and " + TemporalSettings.CLIENT_KEY, cert,
                        "a PEM certificate chain and its unencrypted PKCS #8 PEM key", unreadable);
            }
        }
        try {
            return builder.build();
        } catch (IOException | IllegalArgumentException unusable) {
            throw new TemporalSettings.Refused("the TLS settings of mcprospero.temporal.tls.* could not be used: " + unusable.getMessage());
        }
    }

    private static InputStream open(String key, Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new TemporalSettings.Refused(key + "=" + file + " cannot be read: " + e.getMessage());
        }
    }

    private static TemporalSettings.Refused refused(String key, Path file, String expected, Exception cause) {
        return new TemporalSettings.Refused(key + " (" + file + ") is not " + expected + ": " + cause.getMessage());
    }
}
