package io.mcprospero.connections;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.failure.NotFound;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.Pkce;
import io.mcprospero.integrations.oauth.ProviderTokens;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Connecting an account in the person's browser. connect_account issues a link bound to the person and the org; opening
 * it (once) sends the browser to the provider's consent with a fresh state (and PKCE for Google); the callback
 * brings the state back (once) with a code, which is exchanged for tokens that go straight into the org's secrets.
 */
@ApplicationScoped
public class ConnectRequests {

    private static final Logger LOG = Logger.getLogger(ConnectRequests.class.getName());
    static final Duration TTL = Duration.ofMinutes(15);

    /** A link for the person, and an id for the URL elicitation that offers it. */
    public record Link(String url, String elicitationId) {
    }

    /** Where the browser goes to consent, and the state it must bring back. */
    public record Consent(URI location, String state) {
    }

    /** What was connected, for the page that says so. */
    public record Connected(Provider provider, String account, String orgName) {
    }

    private EntityManager entityManager;
    private Transactions transactions;
    private ProviderOAuths oauths;
    private ConnectionTokens tokens;
    private Connections connections;
    private SealedVerifiers verifiers;
    private Authorization authorization;
    private OAuthSettings settings;
    private Clock clock;

    protected ConnectRequests() {
        // for the CDI proxy
    }

    @Inject
    public ConnectRequests(EntityManager entityManager, Transactions transactions, ProviderOAuths oauths, ConnectionTokens tokens,
                           Connections connections, SealedVerifiers verifiers, Authorization authorization, OAuthSettings settings,
                           Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.oauths = oauths;
        this.tokens = tokens;
        this.connections = connections;
        this.verifiers = verifiers;
        this.authorization = authorization;
        this.settings = settings;
        this.clock = clock;
    }

    public String redirectUri(Provider provider) {
        return settings.issuer() + "/connect/" + provider.wireName() + "/callback";
    }

    public Link issue(Caller caller, Provider provider) {
        authorization.require(caller, Permission.MANAGE_CONNECTIONS);
        oauths.of(provider);
        String secret = RandomTokens.next();
        // requests expired a day ago are of no use, not even to explain a late click
        transactions.inOne(() -> entityManager.createNativeQuery("DELETE FROM connect_requests WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).executeUpdate());
        transactions.inOne(() -> entityManager.createNativeQuery("INSERT INTO connect_requests (link_hash, org_id, user_id, provider, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, Hashes.sha256Hex(secret)).setParameter(2, caller.orgId())
                .setParameter(3, caller.userId()).setParameter(4, provider.wireName()).setParameter(5, Timestamp.from(clock.instant().plus(TTL)))
                .executeUpdate());
        return new Link(settings.issuer() + "/connect/" + provider.wireName() + "?request=" + secret, RandomTokens.next());
    }

    /** Opens a link, once: the consent address with a new state (and for Google a PKCE verifier, kept sealed for the callback). */
    public Consent open(String providerName, String link) {
        Provider provider = Provider.of(providerName);
        AccountOAuth oauth = oauths.of(provider);
        String linkHash = link == null || link.length() > 128 ? null : Hashes.sha256Hex(link);
        Timestamp now = Timestamp.from(clock.instant());
        List<?> pending = linkHash == null ? List.of() : transactions.inOne(() -> entityManager.createNativeQuery(
                        "SELECT org_id FROM connect_requests WHERE link_hash = ?1 AND provider = ?2 AND opened_at IS NULL AND expires_at > ?3")
                .setParameter(1, linkHash).setParameter(2, provider.wireName()).setParameter(3, now).getResultList());
        if (pending.isEmpty()) {
            throw unknownLink();
        }
        String state = RandomTokens.next();
        String verifier = provider == Provider.GOOGLE ? Pkce.newVerifier() : null;
        // sealed before the transaction that takes the link: a KMS call holds no database connection
        Envelope sealed = verifier == null ? null : verifiers.seal((String) pending.get(0), linkHash, verifier);
        // a typed null is no bytea to PostgreSQL: a request without a verifier leaves its columns out
        String verifierColumns = sealed == null ? "" : ", verifier_sealed = ?5, verifier_nonce = ?6, verifier_data_key = ?7, verifier_key_id = ?8";
        int opened = transactions.inOne(() -> {
            Query update = entityManager.createNativeQuery("UPDATE connect_requests SET opened_at = ?3, state_hash = ?4" + verifierColumns
                            + " WHERE link_hash = ?1 AND provider = ?2 AND opened_at IS NULL AND expires_at > ?3")
                    .setParameter(1, linkHash).setParameter(2, provider.wireName()).setParameter(3, now).setParameter(4, Hashes.sha256Hex(state));
            if (sealed != null) {
                update.setParameter(5, sealed.ciphertext()).setParameter(6, sealed.nonce()).setParameter(7, sealed.dataKey().ciphertext())
                        .setParameter(8, sealed.dataKey().keyId());
            }
            return update.executeUpdate();
        });
        if (opened != 1) {
            throw unknownLink();
        }
        return new Consent(oauth.authorizationUrl(state, redirectUri(provider), verifier == null ? null : Pkce.challengeOf(verifier)), state);
    }

    private static NotFound unknownLink() {
        return new NotFound("this connect link is unknown, used or expired; ask in the conversation for a new one (connect_account)");
    }

    /** The provider's callback, once per state: exchanges the code and keeps the tokens as the org's secret. */
    public Connected complete(String providerName, String state, String code) {
        Provider provider = Provider.of(providerName);
        Instant now = clock.instant();
        Object[] request = transactions.inOne(() -> {
            List<?> rows = state == null || state.length() > 128 ? List.of() : entityManager.createNativeQuery(
                            "SELECT org_id, user_id, link_hash, verifier_sealed, verifier_nonce, verifier_data_key, verifier_key_id "
                                    + "FROM connect_requests WHERE state_hash = ?1 AND provider = ?2 "
                                    + "AND used_at IS NULL AND expires_at > ?3")
                    .setParameter(1, Hashes.sha256Hex(state)).setParameter(2, provider.wireName()).setParameter(3, Timestamp.from(now)).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            int used = entityManager.createNativeQuery("UPDATE connect_requests SET used_at = ?2, verifier_sealed = NULL, verifier_nonce = NULL, "
                            + "verifier_data_key = NULL, verifier_key_id = NULL "
                            + "WHERE state_hash = ?1 AND used_at IS NULL").setParameter(1, Hashes.sha256Hex(state))
                    .setParameter(2, Timestamp.from(now)).executeUpdate();
            return used == 1 ? (Object[]) rows.get(0) : null;
        });
        if (request == null) {
            throw new NotFound("this sign-in with " + provider.displayName() + " is unknown, used or expired; ask in the conversation for a new "
                    + "connect link (connect_account)");
        }
        String orgId = (String) request[0];
        String userId = (String) request[1];
        Caller person = authorization.callerIn(userId, orgId);
        authorization.require(person, Permission.MANAGE_CONNECTIONS);
        String verifier = request[3] == null ? null : verifiers.open(orgId, (String) request[2], new Envelope((byte[]) request[3],
                (byte[]) request[4], new EncryptedDataKey((byte[]) request[5], (String) request[6])));
        ProviderTokens granted = oauths.of(provider).exchange(code, redirectUri(provider), verifier);
        Optional<ProviderTokens> previous = previousTokens(orgId, provider);
        tokens.store(orgId, provider, granted);
        connections.save(orgId, provider, granted.account(), userId);
        LOG.info(() -> "connected " + provider.wireName() + " for org " + orgId + " by user " + userId);
        previous.filter(old -> isAnotherAccount(old, granted)).ifPresent(old -> revokeReplaced(orgId, provider, old));
        return new Connected(provider, granted.account(), person.orgName());
    }

    private Optional<ProviderTokens> previousTokens(String orgId, Provider provider) {
        try {
            return tokens.stored(orgId, provider);
        } catch (SecretUnreadable unreadable) {
            // nothing to revoke with: the new tokens replace what cannot be read
            return Optional.empty();
        }
    }

    /**
     * Only a grant of another account is revoked: revoking a token at Google ends the app's whole grant for that account,
     * which the new tokens of the same account hang on too (reconnecting it with prompt=consent leaves the old refresh
     * token valid but no longer stored anywhere here).
     */
    private static boolean isAnotherAccount(ProviderTokens previous, ProviderTokens granted) {
        return previous.account() != null && granted.account() != null && !previous.account().equalsIgnoreCase(granted.account());
    }

    /** The replaced grant, ended upstream; failing that is logged (without the token) and the new connection stands. */
    private void revokeReplaced(String orgId, Provider provider, ProviderTokens previous) {
        try {
            oauths.of(provider).revoke(previous);
            LOG.info(() -> "revoked the replaced " + provider.wireName() + " grant of org " + orgId);
        } catch (IntegrationFailure failed) {
            LOG.warning(() -> "could not revoke the replaced " + provider.wireName() + " grant of org " + orgId + ": " + failed.getMessage()
                    + "; the person can remove MCProspero in the old account's settings");
        }
    }
}
