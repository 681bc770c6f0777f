package io.mcprospero.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings of mcprospero.temporal.*: the in-process service by default, a cluster with namespace, TLS, mutual TLS
 * and an API key, and every combination that cannot be honoured refused at start-up, naming the settings to change.
 */
class TemporalSettingsTest {

    @TempDir
    Path dir;

    private static TemporalSettings read(Map<String, String> values) {
        return TemporalSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> cluster(String... more) {
        Map<String, String> values = new HashMap<>(Map.of("mcprospero.temporal.target", "temporal-frontend:7233"));
        for (int i = 0; i < more.length; i += 2) {
            values.put("mcprospero.temporal." + more[i], more[i + 1]);
        }
        return values;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void nothingSetIsTheInProcessServiceWithTheDefaultNamespaceAndQueue() {
        TemporalSettings settings = read(Map.of("mcprospero.temporal.target", "  "));

        assertThat(settings.inProcess()).isTrue();
        assertThat(settings.namespace()).isEqualTo("default");
        assertThat(settings.taskQueue()).isEqualTo("mcprospero-agents");
        assertThat(settings.describe()).isEqualTo("in-process");
        assertThat(settings.stickyScheduleToStart()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void stickyExecutionCanBeTurnedOffAndANegativeOrGarbledTimeoutIsRefused() {
        assertThat(read(cluster("sticky-schedule-to-start", "PT0S")).stickyScheduleToStart()).isZero();
        assertThatThrownBy(() -> read(cluster("sticky-schedule-to-start", "-PT1S")))
                .hasMessage("mcprospero.temporal.sticky-schedule-to-start=-PT1S is not an ISO-8601 duration of zero or more "
                        + "(PT5S; PT0S turns sticky execution off)");
        assertThatThrownBy(() -> read(cluster("sticky-schedule-to-start", "5s"))).isInstanceOf(TemporalSettings.Refused.class);
    }

    @Test
    void aTargetAloneIsAPlaintextClusterInItsNamespace() {
        TemporalSettings settings = read(cluster("namespace", "mcprospero", "task-queue", "agents-eu"));

        assertThat(settings.target()).hasValue("temporal-frontend:7233");
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.apiKey()).isEmpty();
        assertThat(settings.describe()).isEqualTo("cluster temporal-frontend:7233 (namespace mcprospero, plaintext)");
    }

    @Test
    void anApiKeyTurnsOnTlsWithTheJvmsTrustStoreAndIsNeverDescribed() {
        TemporalSettings settings = read(cluster("namespace", "acme.a1b2c", "api-key", "secret-api-key-123"));

        assertThat(settings.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.serverCa()).isEmpty();
            assertThat(tls.mutual()).isFalse();
        });
        assertThat(settings.apiKey()).hasValue("secret-api-key-123");
        assertThat(settings.describe()).isEqualTo("cluster temporal-frontend:7233 (namespace acme.a1b2c, TLS, API key)");
        assertThat(settings.toString()).doesNotContain("secret-api-key-123");
        WorkflowServiceStubsOptions options = ClusterConnection.options(settings);
        assertThat(options.getEnableHttps()).isTrue();
        assertThat(options.getGrpcMetadataProviders()).hasSize(1);
    }

    @Test
    void aClientCertificateAndKeyAreMutualTls() throws IOException {
        Path cert = file("client.pem", "cert");
        Path key = file("client.key", "key");
        Path ca = file("ca.pem", "ca");

        TemporalSettings settings = read(cluster("tls.client-cert", cert.toString(), "tls.client-key", key.toString(),
                "tls.server-ca", ca.toString(), "tls.server-name", "temporal.internal"));

        assertThat(settings.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.mutual()).isTrue();
            assertThat(tls.clientCert()).hasValue(cert);
            assertThat(tls.clientKey()).hasValue(key);
            assertThat(tls.serverCa()).hasValue(ca);
            assertThat(tls.serverName()).hasValue("temporal.internal");
        });
        assertThat(settings.describe()).isEqualTo("cluster temporal-frontend:7233 (namespace default, mTLS)");
    }

    @Test
    void realPemFilesMakeAnSslContextForMutualTls() throws Exception {
        Path key = dir.resolve("client.key");
        Path cert = dir.resolve("client.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=mcprospero-worker", "-days", "1").redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();

        TemporalSettings settings = read(cluster("tls.client-cert", cert.toString(), "tls.client-key", key.toString(),
                "tls.server-ca", cert.toString()));

        assertThat(ClusterConnection.options(settings).getSslContext()).isNotNull();
        assertThat(ClusterConnection.sslContext(settings.tls().orElseThrow()).isClient()).isTrue();
    }

    @Test
    void aPemFileThatIsNoCertificateIsRefusedNamingTheSetting() throws IOException {
        Path ca = file("ca.pem", "not a certificate");

        TemporalSettings settings = read(cluster("tls.server-ca", ca.toString()));

        assertThatThrownBy(() -> ClusterConnection.options(settings)).isInstanceOf(TemporalSettings.Refused.class)
                .hasMessageContaining("mcprospero.temporal.tls.server-ca (" + ca + ") is not a PEM file of one or more CA certificates");
    }

    @Test
    void clusterSettingsWithoutATargetAreRefused() {
        assertThatThrownBy(() -> read(Map.of("mcprospero.temporal.api-key", "k", "mcprospero.temporal.tls", "true")))
                .isInstanceOf(TemporalSettings.Refused.class)
                .hasMessage("mcprospero.temporal.tls, mcprospero.temporal.api-key apply to a Temporal cluster, but mcprospero.temporal.target "
                        + "is not set (the in-process service is used): set mcprospero.temporal.target to the cluster's host:port or remove them");
    }

    @Test
    void anApiKeyWithTlsSwitchedOffIsRefused() {
        assertThatThrownBy(() -> read(cluster("api-key", "k", "tls", "false")))
                .isInstanceOf(TemporalSettings.Refused.class)
                .hasMessage("mcprospero.temporal.tls=false contradicts mcprospero.temporal.api-key (an API key is never sent without TLS): "
                        + "set mcprospero.temporal.tls=true or remove them");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() throws IOException {
        Path cert = file("client.pem", "cert");

        assertThatThrownBy(() -> read(cluster("tls.client-cert", cert.toString())))
                .isInstanceOf(TemporalSettings.Refused.class)
                .hasMessage("mutual TLS needs both mcprospero.temporal.tls.client-cert and mcprospero.temporal.tls.client-key (PEM files); "
                        + "only mcprospero.temporal.tls.client-cert is set");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(cluster("tls.server-ca", "/nowhere/ca.pem")))
                .isInstanceOf(TemporalSettings.Refused.class)
                .hasMessage("mcprospero.temporal.tls.server-ca=/nowhere/ca.pem is not a readable file (a PEM file is expected)");
    }

    @Test
    void aTargetThatIsNotHostAndPortIsRefused() {
        assertThatThrownBy(() -> read(Map.of("mcprospero.temporal.target", "https://temporal.example.com")))
                .isInstanceOf(TemporalSettings.Refused.class)
                .hasMessage("mcprospero.temporal.target=https://temporal.example.com is not host:port (for example temporal-frontend:7233)");
        assertThatThrownBy(() -> read(Map.of("mcprospero.temporal.target", "temporal:99999")))
                .isInstanceOf(TemporalSettings.Refused.class);
        assertThat(read(Map.of("mcprospero.temporal.target", "127.0.0.1:7233")).target()).hasValue("127.0.0.1:7233");
    }

    @Test
    void aTlsSwitchThatIsNeitherTrueNorFalseAndABadNamespaceAreRefused() {
        assertThatThrownBy(() -> read(cluster("tls", "yes"))).hasMessage("mcprospero.temporal.tls=yes is neither true nor false");
        assertThatThrownBy(() -> read(cluster("namespace", "my namespace")))
                .hasMessage("mcprospero.temporal.namespace=my namespace is not a Temporal namespace name (letters, digits, '.', '_', '-')");
    }
}
