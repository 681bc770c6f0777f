package io.mcprospero.bench.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.oauth.AccessTokenStore;
import io.mcprospero.oauth.AccessTokens;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.oauth.SigningKeys;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.support.Jsons;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * One bearer token, issued by MCProspero's own {@link AccessTokens}, checked three ways:
 * <ul>
 * <li>{@link #mcprospero()}: what a request to /mcp costs before the tool runs, in memory, as the server runs it
 * now: our {@link AccessTokenStore} (the identity store the container consults first, see its comment), then the
 * {@code @RolesAllowed("user")} group check, then the authz decision ({@code Authorization.require}, i.e.
 * {@code PermissionMatrix}). The credential is Payara's real {@code SignedJWTCredential}, as MP-JWT's
 * authentication mechanism passes it. The two database reads of a request (user active, membership) are not
 * part of it.</li>
 * <li>{@link #payara()}: the same before {@link AccessTokenStore}, for comparison: Payara's
 * {@code SignedJWTIdentityStore.validate} (the class MP-JWT's authentication mechanism calls: it builds a
 * {@code JwtTokenParser}, reads the key through {@code JwtPublicKeyStore} from the key file named by
 * mp.jwt.verify.publickey.location, verifies signature, issuer, expiry and required claims, then the
 * audience), then the @RolesAllowed("user") group check, then the authz decision
 * ({@code Authorization.require}, i.e. {@code PermissionMatrix}). The two database reads of a request
 * (user active, membership) are not part of it.</li>
 * <li>{@link #nimbusAlone()}: nimbus parses the token and verifies the RS256 signature with a prepared verifier.</li>
 * </ul>
 * The JSON-P provider is pinned as the server pins it at start-up (MP-JWT parses every token's claims with it).
 * Payara's classes are not on Maven Central, so they are loaded by name from the jar run.sh puts on the class
 * path and called through the Jakarta Security interfaces, as the container's IdentityStoreHandler calls them.
 */
final class BearerCase {

    private static final String ISSUER = "http://localhost:8080";
    private static final String RESOURCE = ISSUER + "/mcp";

    final String token;
    private final JWSVerifier verifier;
    private final IdentityStore payaraStore;
    private final IdentityStore accessTokenStore;
    private final Constructor<? extends Credential> credential;
    private final Authorization authorization = new Authorization(null, null);
    private final Caller caller = new Caller(UUID.randomUUID().toString(), "bench@example.com", null, UUID.randomUUID().toString(),
            "Bench", true, Role.OWNER);

    BearerCase() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        Path keys = Files.createTempFile("bench-jwks", ".json");
        keys.toFile().deleteOnExit();
        // -Dbench.key-format=pem publishes the verification key as PEM instead of a JWKS (see bench/README.md)
        Files.writeString(keys, "pem".equals(System.getProperty("bench.key-format"))
                ? "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n"
                : new JWKSet(key.toPublicJWK()).toString());
        Jsons.pinProviderForTheProcess();
        BenchConfig.install(Map.of(
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", RESOURCE,
                "mp.jwt.verify.publickey.location", keys.toUri().toString(),
                "mp.jwt.verify.publickey.algorithm", "RS256"));

        JWKSet publicKeys = new JWKSet(key.toPublicJWK());
        SigningKeys signingKeys = new SigningKeys() {
            @Override
            public RSAKey signingKey() {
                return key;
            }

            @Override
            public JWKSet publicKeys() {
                return publicKeys;
            }
        };
        OAuthSettings settings = new OAuthSettings(ISSUER, Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(24),
                Duration.ofMinutes(1), Duration.ofMinutes(10));
        token = new AccessTokens(signingKeys, settings, Clock.systemUTC()).issue(caller.userId(), "bench-client", "bench-grant", RESOURCE, "mcp").value();
        verifier = new RSASSAVerifier(key.toRSAPublicKey());
        accessTokenStore = new AccessTokenStore(signingKeys, settings, Clock.systemUTC());
        payaraStore = (IdentityStore) Class.forName("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore")
                .getConstructor().newInstance();
        credential = Class.forName("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential").asSubclass(Credential.class)
                .getConstructor(String.class);
        if (!mcprospero() || !payara() || !nimbusAlone()) {
            throw new IllegalStateException("the token does not validate; the comparison would measure a failure path");
        }
    }

    boolean mcprospero() {
        return validateAndAuthorize(accessTokenStore);
    }

    boolean payara() {
        return validateAndAuthorize(payaraStore);
    }

    private boolean validateAndAuthorize(IdentityStore store) {
        CredentialValidationResult result;
        try {
            result = store.validate(credential.newInstance(token));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID || !result.getCallerGroups().contains(AccessTokens.USER_GROUP)) {
            return false;
        }
        authorization.require(caller, Permission.MANAGE_AGENTS);
        return true;
    }

    boolean nimbusAlone() {
        try {
            return SignedJWT.parse(token).verify(verifier);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
