package io.mcprospero.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.ProviderTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A connection's access token is refreshed before use when it is about to expire, and once more when the provider refuses it. */
class AccountAccessRefreshesTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final String ORG = "org-1";

    /** The org's stored tokens, in memory. */
    static final class StoredTokens extends ConnectionTokens {
        ProviderTokens tokens;

        StoredTokens(ProviderTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void store(String orgId, Provider provider, ProviderTokens fresh) {
            tokens = fresh;
        }

        @Override
        public Optional<ProviderTokens> stored(String orgId, Provider provider) {
            return Optional.ofNullable(tokens);
        }
    }

    static final class OneConnection extends Connections {
        int touched;

        @Override
        public Optional<ConnectionView> find(String orgId, Provider provider) {
            return Optional.of(new ConnectionView(provider, "ada@example.com", "u1", NOW, null));
        }

        @Override
        public void touch(String orgId, Provider provider) {
            touched++;
        }
    }

    /** A provider whose refresh hands out ya29.2, ya29.3, ... or refuses the grant. */
    static final class Refreshing extends ProviderOAuths {
        int refreshes;
        boolean grantGone;

        @Override
        public AccountOAuth of(Provider provider) {
            return new AccountOAuth() {
                @Override
                public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public ProviderTokens exchange(String code, String redirectUri, String codeVerifier) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public ProviderTokens refresh(ProviderTokens tokens) {
                    if (grantGone) {
                        throw new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, "reconnect Google");
                    }
                    refreshes++;
                    return tokens.refreshedWith(new ProviderTokens("ya29." + (refreshes + 1), null, NOW.plusSeconds(3600), null, null));
                }

                @Override
                public void revoke(ProviderTokens tokens) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    private final OneConnection connections = new OneConnection();
    private final Refreshing oauths = new Refreshing();

    private AccountAccess access(StoredTokens tokens) {
        return new AccountAccess(tokens, connections, oauths, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTokenExpiringWithinTheMarginIsRefreshedBeforeTheCallAndKept() {
        StoredTokens tokens = new StoredTokens(new ProviderTokens("ya29.1", "1//r", NOW.plusSeconds(30), "ada@example.com", null));
        List<String> used = new ArrayList<>();

        String answer = access(tokens).use(ORG, Provider.GOOGLE, token -> {
            used.add(token);
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(used).containsExactly("ya29.2");
        assertThat(tokens.tokens).isEqualTo(new ProviderTokens("ya29.2", "1//r", NOW.plusSeconds(3600), "ada@example.com", null));
        assertThat(connections.touched).isEqualTo(1);
    }

    @Test
    void aTokenTheProviderRefusesIsRefreshedAndTheCallTriedOnceMore() {
        StoredTokens tokens = new StoredTokens(new ProviderTokens("ya29.1", "1//r", NOW.plusSeconds(3000), "ada@example.com", null));
        List<String> used = new ArrayList<>();

        String answer = access(tokens).use(ORG, Provider.GOOGLE, token -> {
            used.add(token);
            if (token.equals("ya29.1")) {
                throw new IntegrationFailure(IntegrationFailure.Kind.UNAUTHORIZED, "Gmail did not accept the access token");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(used).containsExactly("ya29.1", "ya29.2");
        assertThat(oauths.refreshes).isEqualTo(1);
    }

    @Test
    void aGrantThatIsGoneAsksToReconnectAndCallsNothingMore() {
        oauths.grantGone = true;
        StoredTokens tokens = new StoredTokens(new ProviderTokens("ya29.1", "1//r", NOW.plusSeconds(3000), "ada@example.com", null));
        List<String> used = new ArrayList<>();

        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> access(tokens).use(ORG, Provider.GOOGLE, token -> {
            used.add(token);
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAUTHORIZED, "Gmail did not accept the access token");
        }));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.RECONNECT);
        assertThat(used).containsExactly("ya29.1");
        assertThat(connections.touched).isZero();
    }
}
