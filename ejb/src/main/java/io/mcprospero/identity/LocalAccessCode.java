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
 * <p>
 * Whoever holds the code signs in as any email they type, platform admins included: the code proves that someone may
 * use this server, not who they are. So the start-up log says so, and a server that takes local sign-ins from other
 * computers ({@code allow-remote=true}) while platform admins are configured refuses to start unless
 * {@code mcprospero.identity.local.allow-remote-admins=true} says the operator accepts that every holder of the code
 * can be an admin.
 */
@ApplicationScoped
public class LocalAccessCode {

    private static final Logger LOG = Logger.getLogger(LocalAccessCode.class.getName());

    private String code;
    private boolean generated;
    private boolean local;
    private boolean allowRemote;
    private boolean allowRemoteAdmins;
    private boolean adminsConfigured;

    protected LocalAccessCode() {
        // for the CDI proxy
    }

    @Inject
    public LocalAccessCode(@ConfigProperty(name = "mcprospero.identity.local.access-code") Optional<String> configured,
                           @ConfigProperty(name = "mcprospero.identity.mode") String mode,
                           @ConfigProperty(name = "mcprospero.identity.local.allow-remote") boolean allowRemote,
                           @ConfigProperty(name = "mcprospero.identity.local.allow-remote-admins") boolean allowRemoteAdmins,
                           @ConfigProperty(name = "mcprospero.admins") Optional<String> admins) {
        this.generated = configured.filter(value -> !value.isBlank()).isEmpty();
        this.code = generated ? RandomTokens.next().substring(0, 12) : configured.get().strip();
        this.local = "local".equals(mode);
        this.allowRemote = allowRemote;
        this.allowRemoteAdmins = allowRemoteAdmins;
        this.adminsConfigured = admins.filter(value -> !value.isBlank()).isPresent();
    }

    /**
     * Fails the start when local sign-in is open to other computers and platform admins are configured, unless the
     * operator named that risk: then anyone on the network who learns the code is a platform admin.
     */
    public void requireSafeExposure() {
        if (local && allowRemote && adminsConfigured && !allowRemoteAdmins) {
            throw new IllegalStateException("mcprospero.identity.local.allow-remote=true with platform admins (mcprospero.admins) "
                    + "lets anyone who holds the access code sign in from another computer as a platform admin; use "
                    + "mcprospero.identity.mode=oidc, or set mcprospero.identity.local.allow-remote-admins=true to accept that risk");
        }
    }

    /**
     * Says at start-up what local sign-in means, and prints a generated code once: it is how the person who started the
     * server signs in.
     */
    public void announce() {
        if (!local) {
            return;
        }
        LOG.warning("Local sign-in: whoever holds the access code signs in as ANY email address, platform admins included. "
                + (allowRemote ? "It is open to other computers (mcprospero.identity.local.allow-remote=true): every holder of the "
                        + "code is every user." : "It answers this computer only.")
                + " For people who must not be each other, use mcprospero.identity.mode=oidc.");
        if (generated) {
            LOG.warning("Local sign-in access code (generated at start-up; set mcprospero.identity.local.access-code to choose one): " + code);
        }
    }

    public boolean matches(String candidate) {
        return candidate != null && Hashes.constantTimeEquals(code, candidate.strip());
    }
}
