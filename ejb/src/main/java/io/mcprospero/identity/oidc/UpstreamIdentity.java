package io.mcprospero.identity.oidc;

import java.util.List;

/** A verified upstream sign-in, mapped through {@link ClaimNames}. */
public record UpstreamIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
                               String orgId, List<String> roles) {

    public UpstreamIdentity {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
