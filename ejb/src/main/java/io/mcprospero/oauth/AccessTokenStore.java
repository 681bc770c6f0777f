package io.mcprospero.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.JOSEException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies our own access tokens for MP-JWT, in front of Payara's identity store. Payara's store rebuilds the
 * public key from the key file and re-parses the claims with a new verifier on every request (bench/README.md:
 * ~3.8x the cost of the RS256 verification itself); this store keeps the parsed keys until {@link SigningKeys}
 * loads new ones. MP-JWT stays the authentication mechanism: it reads the Authorization header and asks the
 * container's IdentityStoreHandler, which consults the stores by priority; this one comes first and a VALID
 * result ends the validation. An INVALID result lets Payara's store run too, which refuses as well (it checks a
 * subset of these rules), so a bad token costs twice, a good one once, and a good one seen before almost nothing
 * ({@link VerifiedTokens}).
 * <p>
 * The rules, each one a refusal: RS256 only; a kid naming one of our unretired keys; a valid signature; typ JWT;
 * the exact issuer; an audience containing the MCP resource; exp, iat, nbf, jti, sub, upn and groups present;
 * not expired, not before nbf, not issued in the future (each with {@link #CLOCK_SKEW_SECONDS}).
 * <p>
 * It both validates and provides the groups: the container takes a validating store's groups only if the store
 * also declares PROVIDE_GROUPS (Soteria's DefaultIdentityStoreHandler), and @RolesAllowed("user") needs them.
 */
@ApplicationScoped
public class AccessTokenStore implements IdentityStore {

    /** Before Payara's SignedJWTIdentityStore, which has the default priority 100. */
    static final int PRIORITY = 10;
    static final int CLOCK_SKEW_SECONDS = 30;
    /** The credential MP-JWT's authentication mechanism passes; Payara does not export the class to us. */
    static final String MP_JWT_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";
    private static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "upn", "groups");
    /** Verified tokens remembered (a few KB each), enough for the clients one instance serves within a token's life. */
    static final int VERIFIED_TOKENS_KEPT = 2048;
    private static final Logger LOG = Logger.getLogger(AccessTokenStore.class.getName());

    /** The credential's getSignedJWT(), looked up once per credential class (a redeployment brings a new one). */
    private static final ClassValue<MethodHandle> TOKEN_GETTER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "getSignedJWT", MethodType.methodType(String.class))
                        .asType(MethodType.methodType(String.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(MP_JWT_CREDENTIAL + " has no public String getSignedJWT()", e);
            }
        }
    };

    private SigningKeys keys;
    private OAuthSettings settings;
    private Clock clock;
    private volatile Verification verification;
    private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

    protected AccessTokenStore() {
        // for the CDI proxy
    }

    @Inject
    public AccessTokenStore(SigningKeys keys, OAuthSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential == null || !MP_JWT_CREDENTIAL.equals(credential.getClass().getName())) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            String token = tokenOf(credential);
            Verification current = verification();
            if (token == null || current == null) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            long now = clock.millis();
            String digest = VerifiedTokens.digestOf(token);
            AccessTokenPrincipal known = verified.find(digest, current, now);
            if (known != null) {
                return new CredentialValidationResult(known, known.getGroups());
            }
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = current.processor().process(jwt, null);
            List<String> groupClaim = claims.getStringListClaim("groups");
            String upn = claims.getStringClaim("upn");
            if (groupClaim == null || upn == null || upn.isBlank() || claims.getSubject().isBlank()) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            Set<String> groups = new HashSet<>(groupClaim);
            AccessTokenPrincipal principal = new AccessTokenPrincipal(upn, token, claims, groups);
            verified.remember(digest, new VerifiedTokens.Verified(current, principal,
                    claims.getNotBeforeTime().getTime() - CLOCK_SKEW_SECONDS * 1000L,
                    claims.getExpirationTime().getTime() + CLOCK_SKEW_SECONDS * 1000L), now);
            LOG.finest(() -> "access token " + claims.getJWTID() + " of " + claims.getSubject() + " verified");
            return new CredentialValidationResult(principal, groups);
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            LOG.log(Level.FINE, "bearer token refused: {0}", refused.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        } catch (RuntimeException bug) {
            // never a 500 and never a pass: the container would answer 500, and Payara's store must not decide alone
            LOG.log(Level.WARNING, "bearer token refused after an unexpected error", bug);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /**
     * The claims of one of our access tokens that is valid now, by the same rules as {@link #validate}; empty for
     * anything else. For revocation (RFC 7009), which must learn a token's grant without trusting its bytes.
     */
    public Optional<JWTClaimsSet> verifiedClaims(String token) {
        Verification current = verification();
        if (token == null || token.length() > 8192 || current == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.processor().process(SignedJWT.parse(token), null));
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            return Optional.empty();
        }
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    private static String tokenOf(Credential credential) {
        try {
            return (String) TOKEN_GETTER.get(credential.getClass()).invokeExact((Object) credential);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The processor for the keys SigningKeys holds now; rebuilt when it has loaded a new key set. */
    private Verification verification() {
        JWKSet published = keys.publicKeys();
        if (published == null) {
            return null;
        }
        Verification current = verification;
        if (current == null || current.published() != published) {
            current = new Verification(published, processor(published));
            verification = current;
        }
        return current;
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWKSet published) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new KeysById(published));
        processor.setJWTClaimsSetVerifier(new ClaimsRules(settings, clock));
        return processor;
    }

    private record Verification(JWKSet published, DefaultJWTProcessor<SecurityContext> processor) {
    }

    /**
     * RS256 with the key the header's kid names, parsed once: nimbus' JWK set source would convert the JWK to a
     * Java key on every request. No kid, an unknown kid or another algorithm selects nothing, which refuses.
     */
    static final class KeysById implements JWSKeySelector<SecurityContext> {

        private final Map<String, List<Key>> byId = new HashMap<>();

        KeysById(JWKSet published) {
            for (JWK jwk : published.getKeys()) {
                boolean forSigning = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
                boolean rs256 = jwk.getAlgorithm() == null || JWSAlgorithm.RS256.equals(jwk.getAlgorithm());
                if (jwk instanceof RSAKey rsa && !rsa.isPrivate() && rsa.getKeyID() != null && forSigning && rs256) {
                    try {
                        byId.put(rsa.getKeyID(), List.of(rsa.toRSAPublicKey()));
                    } catch (JOSEException e) {
                        LOG.warning(() -> "verification key " + rsa.getKeyID() + " is unusable: " + e.getMessage());
                    }
                }
            }
        }

        @Override
        public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return List.of();
            }
            return byId.getOrDefault(header.getKeyID(), List.of());
        }
    }

    /** nimbus' checks (exact issuer, audience, required claims, exp and nbf with skew) on our clock, plus iat. */
    static final class ClaimsRules extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        ClaimsRules(OAuthSettings settings, Clock clock) {
            // mutable sets: nimbus asks them contains(null), which Set.of answers with a NullPointerException
            super(new HashSet<>(Set.of(settings.mcpResource())), new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                    new HashSet<>(REQUIRED_CLAIMS), new HashSet<>());
            setMaxClockSkew(CLOCK_SKEW_SECONDS);
            this.clock = clock;
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Date latest = new Date(clock.millis() + CLOCK_SKEW_SECONDS * 1000L);
            if (claims.getIssueTime().after(latest)) {
                throw new BadJWTException("JWT issued in the future");
            }
            if (!claims.getExpirationTime().after(claims.getIssueTime())) {
                throw new BadJWTException("JWT expires before it was issued");
            }
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
