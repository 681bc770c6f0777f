package io.mcprospero.observability;

import io.mcprospero.support.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operators' secret for the operations endpoints ({@code /metrics}), {@code mcprospero.operations.token}. Unset,
 * nobody is admitted: the metrics are off. Set, a request is admitted when it carries the token as the password of
 * HTTP Basic authentication (any user name), which every scraper can send (Prometheus {@code basic_auth}). Not a
 * bearer token: the container reads every {@code Authorization: Bearer} header as an MCP access token and refuses
 * one that is not, before the application sees the request.
 */
@ApplicationScoped
public class OperatorCredential {

    static final int MIN_LENGTH = 32;
    private static final String BASIC = "basic ";

    private byte[] tokenDigest;

    protected OperatorCredential() {
        // for the CDI proxy
    }

    @Inject
    public OperatorCredential(@ConfigProperty(name = "mcprospero.operations.token") Optional<String> token) {
        Optional<String> configured = token.map(String::strip).filter(value -> !value.isEmpty());
        if (configured.isPresent() && configured.get().length() < MIN_LENGTH) {
            throw new IllegalStateException("mcprospero.operations.token must be at least " + MIN_LENGTH
                    + " characters (for example the output of `openssl rand -hex 32`); the one set has "
                    + configured.get().length());
        }
        this.tokenDigest = configured.map(value -> Hashes.sha256(value.getBytes(StandardCharsets.UTF_8))).orElse(null);
    }

    /** Whether a token is configured, that is whether the operations endpoints answer anyone at all. */
    public boolean configured() {
        return tokenDigest != null;
    }

    /** Whether this {@code Authorization} header value carries the token; false for any other or no header. */
    public boolean admits(String authorization) {
        if (tokenDigest == null || authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String userAndPassword;
        try {
            userAndPassword = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = userAndPassword.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // digests of equal length: the comparison's time tells nothing about the token, not even its length
        byte[] offered = Hashes.sha256(userAndPassword.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(offered, tokenDigest);
    }
}
