package io.mcprospero.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped layouts put a proxy in front of the instances, so the instances must read the client address from the
 * X-Forwarded-For entry that proxy appends; otherwise every per-address limit counts the proxy and becomes global.
 */
class ShippedProxyLayoutTest {

    private static final Path DOCKER = Path.of("..", "docker");

    @Test
    void composeTrustsTheForwardedForHeaderNginxAppends() throws IOException {
        assertThat(read("compose.yaml")).containsPattern("(?m)^\\s+MCPROSPERO_HTTP_TRUST_FORWARDED_FOR: \"true\"$");
        assertThat(read("nginx.conf")).contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    }

    @Test
    void kubernetesTrustsTheForwardedForHeaderItsIngressAppends() throws IOException {
        assertThat(read("k8s/configmap.yaml")).containsPattern("(?m)^\\s+MCPROSPERO_HTTP_TRUST_FORWARDED_FOR: \"true\"$");
        assertThat(read("k8s/ingress.yaml")).contains("ingressClassName: nginx");
    }

    private static String read(String file) throws IOException {
        return Files.readString(DOCKER.resolve(file));
    }
}
