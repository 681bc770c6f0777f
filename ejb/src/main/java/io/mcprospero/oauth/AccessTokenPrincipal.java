package io.mcprospero.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.security.enterprise.CallerPrincipal;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of a request whose bearer token {@link AccessTokenStore} verified. Only that store creates it, so a
 * resource that finds this type as the caller principal knows the token passed our own rules (see
 * {@link #of(java.security.Principal)}). It answers the MP-JWT claims API for what our tokens carry: the
 * registered claims (times as seconds, audience and groups as sets, as MP-JWT does) and {@code raw_token};
 * any other claim is returned as nimbus parsed it (a String for our {@code client_id} and {@code scope}).
 */
public final class AccessTokenPrincipal extends CallerPrincipal implements JsonWebToken {

    private static final long serialVersionUID = 1L;

    private final String rawToken;
    private final JWTClaimsSet claims;
    private final Set<String> groups;

    AccessTokenPrincipal(String upn, String rawToken, JWTClaimsSet claims, Set<String> groups) {
        super(upn);
        this.rawToken = rawToken;
        this.claims = claims;
        this.groups = Set.copyOf(groups);
    }

    /** The verified caller, or null for any other principal (none, or one another identity store produced). */
    public static AccessTokenPrincipal of(java.security.Principal principal) {
        return principal instanceof AccessTokenPrincipal verified ? verified : null;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        Object value = switch (name) {
            case "raw_token" -> rawToken;
            case "groups" -> groups;
            case "aud" -> claims.getAudience().isEmpty() ? null : Set.copyOf(claims.getAudience());
            case "exp", "iat", "nbf", "auth_time", "updated_at" -> seconds(claims.getClaim(name));
            default -> claims.getClaim(name);
        };
        return (T) value;
    }

    private static Long seconds(Object value) {
        if (value instanceof Date date) {
            return date.getTime() / 1000;
        }
        return value instanceof Number number ? number.longValue() : null;
    }
}
