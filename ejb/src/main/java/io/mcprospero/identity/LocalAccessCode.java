package io.mcprospero.identity;

import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared access code of local sign-in (the embedded identity provider for a laptop). It comes from
 * {@code mcprospero.identity.local.access-code}, or is generated at start-up and printed once in the log,
 * because the person who started the server is the one who reads its console.
 */
@ApplicationScoped
public class LocalAccessCode {

    private static final Logger LOG = Logger.getLogger(LocalAccessCode.class.getName());

    private String code;
    private boolean generated;
    private boolean local;

    protected LocalAccessCode() {
        // for the CDI proxy
    }

    @Inject
    public LocalAccessCode(@ConfigProperty(name = "mcprospero.identity.local.access-code") Optional<String> configured,
                           @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.generated = configured.filter(value -> !value.isBlank()).isEmpty();
        this.code = generated ? RandomTokens.next().substring(0, 12) : configured.get().strip();
        this.local = "local".equals(mode);
    }

    /** Prints a generated code once at start-up: it is how the person who started the server signs in. */
    public void announce() {
        if (local && generated) {
            LOG.warning("Local sign-in access code (generated at start-up; set mcprospero.identity.local.access-code to choose one): " + code);
        }
    }

    public boolean matches(String candidate) {
        return candidate != null && Hashes.constantTimeEquals(code, candidate.strip());
    }
}
