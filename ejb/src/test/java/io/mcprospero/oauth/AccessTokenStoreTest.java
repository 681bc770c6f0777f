package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential;
import io.mcprospero.support.MutableClock;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule of AccessTokenStore: a token made correctly except for the one thing under test, signed with the
 * server's key unless the key is what is tested, so that only that rule can refuse it.
 */
class AccessTokenStoreTest {

    private static final String ISSUER = "https://mcp.example.com";
    private static final String RESOURCE = ISSUER + "/mcp";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String USER = UUID.randomUUID().toString();

    private static RSAKey serverKey;
    private static RSAKey otherKey;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OAuthSettings settings = new OAuthSettings(ISSUER, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofHours(24),
            Duration.ofMinutes(1), Duration.ofMinutes(10));
    private final Keys keys = new Keys();
    private final AccessTokenStore store = new AccessTokenStore(keys, settings, clock);

    @BeforeAll
    static void generateKeys() throws Exception {
        serverKey = key();
        otherKey = key();
    }

    @Test
    void aTokenIssuedByAccessTokensIsValidWithItsUserAndGroups() {
        keys.publish(serverKey);
        String token = new AccessTokens(keys, settings, clock).issue(USER, "client-1", "grant-1", RESOURCE, "mcp").value();

        CredentialValidationResult result = store.validate(new SignedJWTCredential(token));

        assertThat(result.getStatus()).isEqualTo(Status.VALID);
        assertThat(result.getCallerGroups()).containsExactly(AccessTokens.USER_GROUP);
        AccessTokenPrincipal caller = AccessTokenPrincipal.of(result.getCallerPrincipal());
        assertThat(caller).isNotNull();
        assertThat(caller.getName()).isEqualTo(USER);
        assertThat(caller.getSubject()).isEqualTo(USER);
        assertThat(caller.<String>getClaim("client_id")).isEqualTo("client-1");
        assertThat(caller.<String>getClaim(AccessTokens.GRANT_CLAIM)).isEqualTo("grant-1");
        assertThat(caller.getRawToken()).isEqualTo(token);
        assertThat(caller.getGroups()).containsExactly(AccessTokens.USER_GROUP);
        assertThat(caller.getAudience()).containsExactly(RESOURCE);
        assertThat(caller.getExpirationTime()).isEqualTo(NOW.plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    @Test
    void theStoreValidatesAndProvidesGroupsBeforePayarasStore() {
        // VALIDATE alone would make the container drop the groups, and @RolesAllowed("user") would refuse
        assertThat(store.validationTypes()).containsExactlyInAnyOrder(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
        assertThat(store.priority()).isLessThan(100);
    }

    @Test
    void anotherKindOfCredentialIsLeftToOtherStores() {
        keys.publish(serverKey);
        assertThat(store.validate(new UsernamePasswordCredential("ana", "secret")).getStatus()).isEqualTo(Status.NOT_VALIDATED);
    }

    @Test
    void withoutLoadedKeysNothingIsValid() {
        assertThat(store.validate(new SignedJWTCredential(sign(serverKey, claims().build()))).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void anAudienceListNamingTheResourceIsValid() {
        assertThat(validate(claims().audience(List.of("https://other.example.com", RESOURCE)).build())).isEqualTo(Status.VALID);
    }

    @Test
    void anotherAudienceIsInvalid() {
        assertThat(validate(claims().audience("https://other.example.com/mcp").build())).isEqualTo(Status.INVALID);
    }

    @Test
    void theIssuerMustMatchExactly() {
        assertThat(validate(claims().issuer("https://issuer.example.com").build())).isEqualTo(Status.INVALID);
        assertThat(validate(claims().issuer(ISSUER + "/").build())).isEqualTo(Status.INVALID);
    }

    @Test
    void anExpiredTokenIsInvalidOnceTheSkewHasPassed() {
        Instant expiry = NOW.minusSeconds(AccessTokenStore.CLOCK_SKEW_SECONDS + 1L);
        assertThat(validate(claims().issueTime(Date.from(expiry.minusSeconds(600))).notBeforeTime(Date.from(expiry.minusSeconds(600)))
                .expirationTime(Date.from(expiry)).build())).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenNotValidYetIsInvalid() {
        assertThat(validate(claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build())).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenIssuedInTheFutureIsInvalid() {
        assertThat(validate(claims().issueTime(Date.from(NOW.plusSeconds(120))).build())).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenExpiringBeforeItWasIssuedIsInvalid() {
        assertThat(validate(claims().issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.minusSeconds(1))).build()))
                .isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "nbf", "jti", "sub", "upn", "groups", "aud", "iss"})
    void everyClaimOurTokensCarryIsRequired(String claim) {
        assertThat(validate(claims().claim(claim, null).build())).isEqualTo(Status.INVALID);
    }

    @Test
    void groupsMustBeAListOfStrings() {
        assertThat(validate(claims().claim("groups", "user").build())).isEqualTo(Status.INVALID);
    }

    @Test
    void aBlankUpnIsInvalid() {
        assertThat(validate(claims().claim("upn", " ").build())).isEqualTo(Status.INVALID);
    }

    @Test
    void anUnsignedTokenIsInvalid() {
        keys.publish(serverKey);
        assertThat(store.validate(new SignedJWTCredential(new PlainJWT(claims().build()).serialize())).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsInvalid() throws Exception {
        // the algorithm confusion attack: HS256 with the public key's bytes as the shared secret
        JWSSigner hmac = new MACSigner(serverKey.toRSAPublicKey().getEncoded());
        assertThat(validate(header(JWSAlgorithm.HS256, serverKey.getKeyID()), hmac, claims().build())).isEqualTo(Status.INVALID);
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        RSASSASigner rsa = new RSASSASigner(serverKey);
        assertThat(validate(header(JWSAlgorithm.RS512, serverKey.getKeyID()), rsa, claims().build())).isEqualTo(Status.INVALID);
        assertThat(validate(header(JWSAlgorithm.PS256, serverKey.getKeyID()), rsa, claims().build())).isEqualTo(Status.INVALID);
    }

    @Test
    void anUnknownKidIsInvalid() throws Exception {
        assertThat(validate(header(JWSAlgorithm.RS256, otherKey.getKeyID()), new RSASSASigner(otherKey), claims().build()))
                .isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenWithoutKidIsInvalid() throws Exception {
        assertThat(validate(header(JWSAlgorithm.RS256, null), new RSASSASigner(serverKey), claims().build())).isEqualTo(Status.INVALID);
    }

    @Test
    void anotherKeyUnderOurKidIsInvalid() throws Exception {
        assertThat(validate(header(JWSAlgorithm.RS256, serverKey.getKeyID()), new RSASSASigner(otherKey), claims().build()))
                .isEqualTo(Status.INVALID);
    }

    @Test
    void aTamperedPayloadIsInvalid() {
        keys.publish(serverKey);
        String[] parts = sign(serverKey, claims().build()).split("\\.");
        String forged = parts[0] + "." + Base64URL.encode(claims().subject(UUID.randomUUID().toString()).build().toString()) + "." + parts[2];
        assertThat(store.validate(new SignedJWTCredential(forged)).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void theTypeMustBeJwt() throws Exception {
        RSASSASigner rsa = new RSASSASigner(serverKey);
        JWSHeader untyped = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(serverKey.getKeyID()).build();
        JWSHeader idToken = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(serverKey.getKeyID()).type(new JOSEObjectType("id+jwt")).build();
        assertThat(validate(untyped, rsa, claims().build())).isEqualTo(Status.INVALID);
        assertThat(validate(idToken, rsa, claims().build())).isEqualTo(Status.INVALID);
    }

    @Test
    void garbageIsInvalid() {
        keys.publish(serverKey);
        assertThat(store.validate(new SignedJWTCredential("not.a.token")).getStatus()).isEqualTo(Status.INVALID);
        assertThat(store.validate(new SignedJWTCredential("")).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void newlyLoadedKeysReplaceTheOldOnes() {
        keys.publish(serverKey);
        String before = sign(serverKey, claims().build());
        String after = sign(otherKey, claims().build());
        assertThat(store.validate(new SignedJWTCredential(before)).getStatus()).isEqualTo(Status.VALID);
        assertThat(store.validate(new SignedJWTCredential(after)).getStatus()).isEqualTo(Status.INVALID);

        keys.publish(otherKey);

        assertThat(store.validate(new SignedJWTCredential(after)).getStatus()).isEqualTo(Status.VALID);
        assertThat(store.validate(new SignedJWTCredential(before)).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenSeenBeforeIsValidWithoutBeingVerifiedAgain() {
        keys.publish(serverKey);
        SignedJWTCredential credential = new SignedJWTCredential(sign(serverKey, claims().build()));

        CredentialValidationResult first = store.validate(credential);
        CredentialValidationResult second = store.validate(credential);

        assertThat(second.getStatus()).isEqualTo(Status.VALID);
        assertThat(second.getCallerPrincipal()).isSameAs(first.getCallerPrincipal());
        assertThat(second.getCallerGroups()).containsExactly(AccessTokens.USER_GROUP);
    }

    @Test
    void aTokenSeenBeforeIsRefusedOnceItExpires() {
        MutableClock moving = new MutableClock(NOW);
        AccessTokenStore remembering = new AccessTokenStore(keys, settings, moving);
        keys.publish(serverKey);
        SignedJWTCredential credential = new SignedJWTCredential(sign(serverKey, claims().build()));
        assertThat(remembering.validate(credential).getStatus()).isEqualTo(Status.VALID);

        moving.advance(Duration.ofSeconds(600 + AccessTokenStore.CLOCK_SKEW_SECONDS).minusMillis(1));
        assertThat(remembering.validate(credential).getStatus()).isEqualTo(Status.VALID);
        moving.advance(Duration.ofMillis(1));

        assertThat(remembering.validate(credential).getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenRefusedBeforeItsNotBeforeTimeIsValidOnceThatTimeComes() {
        MutableClock moving = new MutableClock(NOW);
        AccessTokenStore remembering = new AccessTokenStore(keys, settings, moving);
        keys.publish(serverKey);
        Instant notBefore = NOW.plusSeconds(120);
        SignedJWTCredential credential = new SignedJWTCredential(sign(serverKey, claims()
                .notBeforeTime(Date.from(notBefore)).build()));
        assertThat(remembering.validate(credential).getStatus()).isEqualTo(Status.INVALID);

        moving.advance(Duration.ofSeconds(120 - AccessTokenStore.CLOCK_SKEW_SECONDS).plusMillis(1));

        assertThat(remembering.validate(credential).getStatus()).isEqualTo(Status.VALID);
    }

    private Status validate(JWTClaimsSet claims) {
        keys.publish(serverKey);
        return store.validate(new SignedJWTCredential(sign(serverKey, claims))).getStatus();
    }

    private Status validate(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        keys.publish(serverKey);
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return store.validate(new SignedJWTCredential(jwt.serialize())).getStatus();
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, key.getKeyID()), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What AccessTokens puts in a token (it is tested to validate above). */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(USER)
                .audience(RESOURCE)
                .issueTime(Date.from(NOW))
                .notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", USER)
                .claim("groups", List.of(AccessTokens.USER_GROUP));
    }

    private static RSAKey key() throws Exception {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    /** SigningKeys as load() leaves it: a new public key set object each time keys are loaded. */
    private static final class Keys extends SigningKeys {

        private volatile RSAKey signing;
        private volatile JWKSet published;

        void publish(RSAKey key) {
            if (signing != key) {
                signing = key;
                published = new JWKSet(key.toPublicJWK());
            }
        }

        @Override
        public RSAKey signingKey() {
            return signing;
        }

        @Override
        public JWKSet publicKeys() {
            return published;
        }
    }
}
