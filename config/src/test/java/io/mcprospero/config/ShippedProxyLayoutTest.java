package io.mcprospero.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * nginx matches the regular expression of the operations location against the normalized path; Java's regex engine
     * reads this expression the same way, so the paths it refuses can be checked here.
     */
    @Test
    void nginxRefusesEveryPathUnderTheOperationsEndpoints() throws IOException {
        Matcher location = Pattern.compile("location ~\\* (\\S+) \\{\\s*return 404;").matcher(read("nginx.conf"));
        assertThat(location.find()).as("nginx.conf has a case-insensitive regex location that returns 404").isTrue();
        Pattern refused = Pattern.compile(location.group(1), Pattern.CASE_INSENSITIVE);

        assertThat(List.of("/metrics", "/metrics/", "/metrics;x", "/metrics/base", "/METRICS", "/metrics.json", "/openapi",
                "/openapi/", "/openapi;x", "/OpenAPI/ui")).allMatch(path -> refused.matcher(path).find());
        assertThat(List.of("/mcp", "/oauth/token", "/health/ready", "/.well-known/oauth-authorization-server", "/welcome"))
                .noneMatch(path -> refused.matcher(path).find());
    }

    @Test
    void theIngressRoutesThePublicSurfaceOnlyNeverTheOperationsEndpoints() throws IOException {
        List<String> routed = Pattern.compile("(?m)^\\s+- path: (\\S+)$").matcher(read("k8s/ingress.yaml")).results()
                .map(match -> match.group(1)).toList();

        assertThat(routed).contains("/mcp", "/oauth", "/.well-known", "/welcome", "/agents", "/hooks")
                .doesNotContain("/", "/metrics", "/openapi", "/health");
    }

    private static String read(String file) throws IOException {
        return Files.readString(DOCKER.resolve(file));
    }
}
