package io.mcprospero.mcp.mrtr;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.oauth.SigningKeys;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The requestState of a multi round-trip request: what the server needs to trust the answers that come back with the
 * retry, carried by the client and integrity-protected, since the client could change it. A JWS signed with the
 * authorization server's own key (so any instance verifies it; its type and audience keep it from ever passing as an
 * access token), binding the person, the grant, the tool, a digest of the arguments, the questions asked, and an
 * expiry. A state that fails any of these is refused; it is not single-use, so the tools that ask use it only to
 * confirm actions that are safe to repeat.
 */
@ApplicationScoped
public class RequestStates {

    static final JOSEObjectType TYPE = new JOSEObjectType("mcp-request-state+jwt");
    static final String AUDIENCE = "mcprospero:request-state";

    private SigningKeys keys;
    private OAuthSettings settings;
    private Clock clock;
    private Duration ttl;

    protected RequestStates() {
        // for the CDI proxy
    }

    @Inject
    public RequestStates(SigningKeys keys, OAuthSettings settings, Clock clock,
                         @ConfigProperty(name = "mcprospero.mcp.request-state-ttl") Duration ttl) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new state for these questions of this tool call. */
    public String issue(String userId, String grantId, String tool, JsonObject arguments, Set<String> questions) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(AUDIENCE)
                .subject(userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("gid", grantId)
                .claim("tool", tool)
                .claim("args", digest(arguments))
                .claim("asked", List.copyOf(new TreeSet<>(questions)))
                .build();
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a request state", e);
        }
        return jwt.serialize();
    }

    /**
     * The questions a presented state asked, after checking that it is ours, unaltered, unexpired and bound to this
     * person, grant, tool and these exact arguments; otherwise refuses, saying what to do.
     */
    public Set<String> verify(String state, String userId, String grantId, String tool, JsonObject arguments) {
        JWTClaimsSet claims = authentic(state);
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw refused("it has expired (a question waits " + ttl.toMinutes() + " minutes)");
        }
        if (!userId.equals(claims.getSubject()) || !grantId.equals(stringClaim(claims, "gid"))) {
            throw refused("it was issued to someone else");
        }
        if (!tool.equals(stringClaim(claims, "tool")) || !digest(arguments).equals(stringClaim(claims, "args"))) {
            throw refused("it belongs to another call; a retry must repeat the tool's name and arguments unchanged");
        }
        try {
            List<String> asked = claims.getStringListClaim("asked");
            return asked == null ? Set.of() : Set.copyOf(asked);
        } catch (ParseException e) {
            throw refused("it is malformed");
        }
    }

    private JWTClaimsSet authentic(String state) {
        if (state == null || state.isBlank() || state.length() > 8192) {
            throw refused("it is empty or too long");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(state);
            JWSHeader header = jwt.getHeader();
            JWK key = header.getKeyID() == null ? null : keys.publicKeys().getKeyByKeyId(header.getKeyID());
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())
                    || !(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
                throw refused("it was altered or is not this server's");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!settings.issuer().equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE)) {
                throw refused("it is not this server's");
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw refused("it was altered or is not this server's");
        }
    }

    private static InputRefused refused(String why) {
        return new InputRefused("requestState refused: " + why
                + ". Call the tool again without inputResponses and requestState to be asked afresh.");
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    /** SHA-256 of the arguments in a canonical form (keys sorted at every level), so key order does not matter. */
    static String digest(JsonObject arguments) {
        StringBuilder canonical = new StringBuilder();
        canonical(arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments, canonical);
        return Hashes.sha256Hex(canonical.toString());
    }

    private static void canonical(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                Map<String, JsonValue> sorted = new TreeMap<>(value.asJsonObject());
                boolean first = true;
                for (Map.Entry<String, JsonValue> entry : sorted.entrySet()) {
                    out.append(first ? "" : ",").append(jsonString(entry.getKey())).append(':');
                    canonical(entry.getValue(), out);
                    first = false;
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    canonical(array.get(i), out);
                }
                out.append(']');
            }
            case NUMBER -> out.append(((JsonNumber) value).bigDecimalValue().stripTrailingZeros().toPlainString());
            case STRING -> out.append(jsonString(((JsonString) value).getString()));
            default -> out.append(value);
        }
    }

    private static String jsonString(String text) {
        return Jsons.array().add(text).build().get(0).toString();
    }
}
