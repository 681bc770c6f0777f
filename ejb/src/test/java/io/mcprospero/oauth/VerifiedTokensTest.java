package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The memory of verified tokens: what a hit must still check, and how it stays bounded. */
class VerifiedTokensTest {

    private static final Object KEYS = new Object();
    private static final long FROM = 1_000_000L;
    private static final long UNTIL = 2_000_000L;

    private final VerifiedTokens tokens = new VerifiedTokens(8);

    @Test
    void aTokenIsFoundBetweenItsTimesUnderTheSameKeySet() {
        AccessTokenPrincipal principal = principal("ana");
        tokens.remember("d1", new VerifiedTokens.Verified(KEYS, principal, FROM, UNTIL), FROM);

        assertThat(tokens.find("d1", KEYS, FROM + 1)).isSameAs(principal);
        assertThat(tokens.find("d1", KEYS, UNTIL - 1)).isSameAs(principal);
        assertThat(tokens.find("d2", KEYS, FROM + 1)).isNull();
    }

    @Test
    void anExpiredEntryIsAMissAndIsForgotten() {
        tokens.remember("d1", new VerifiedTokens.Verified(KEYS, principal("ana"), FROM, UNTIL), FROM);

        assertThat(tokens.find("d1", KEYS, UNTIL)).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anEntryIsAMissBeforeItsValidFromTime() {
        tokens.remember("d1", new VerifiedTokens.Verified(KEYS, principal("ana"), FROM, UNTIL), FROM);

        assertThat(tokens.find("d1", KEYS, FROM)).isNull();
    }

    @Test
    void anEntryMadeUnderAnotherKeySetIsAMiss() {
        tokens.remember("d1", new VerifiedTokens.Verified(KEYS, principal("ana"), FROM, UNTIL), FROM);

        assertThat(tokens.find("d1", new Object(), FROM + 1)).isNull();
    }

    @Test
    void whenFullExpiredEntriesGoFirst() {
        for (int i = 0; i < 7; i++) {
            tokens.remember("live-" + i, new VerifiedTokens.Verified(KEYS, principal("u" + i), FROM, UNTIL), FROM);
        }
        tokens.remember("expired", new VerifiedTokens.Verified(KEYS, principal("old"), FROM, FROM + 10), FROM);

        tokens.remember("new", new VerifiedTokens.Verified(KEYS, principal("new"), FROM, UNTIL), FROM + 11);

        assertThat(tokens.size()).isEqualTo(8);
        assertThat(tokens.find("new", KEYS, FROM + 11)).isNotNull();
        for (int i = 0; i < 7; i++) {
            assertThat(tokens.find("live-" + i, KEYS, FROM + 11)).isNotNull();
        }
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        for (int i = 0; i < 100; i++) {
            tokens.remember("d" + i, new VerifiedTokens.Verified(KEYS, principal("u" + i), FROM, UNTIL), FROM);
            assertThat(tokens.size()).isLessThanOrEqualTo(8);
        }
        assertThat(tokens.find("d99", KEYS, FROM + 1)).isNotNull();
    }

    @Test
    void theDigestIsTheTokensSha256NotTheToken() {
        String digest = VerifiedTokens.digestOf("header.payload.signature");

        assertThat(digest).hasSize(64).doesNotContain("payload");
        assertThat(VerifiedTokens.digestOf("header.payload.signature")).isEqualTo(digest);
        assertThat(VerifiedTokens.digestOf("header.payload.signaturf")).isNotEqualTo(digest);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokens(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AccessTokenPrincipal principal(String user) {
        return new AccessTokenPrincipal(user, "token-of-" + user, new JWTClaimsSet.Builder().subject(user).build(), Set.of("user"));
    }
}
