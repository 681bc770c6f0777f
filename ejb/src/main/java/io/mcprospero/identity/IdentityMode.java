package io.mcprospero.identity;

/**
 * The identity modes this version serves: {@code local} (email + the server's access code, for a laptop) and
 * {@code oidc} (an upstream OpenID Connect provider such as Zitadel). Start-up fails closed on any other:
 * a mode that cannot be served must never fall back to local sign-in.
 */
public final class IdentityMode {

    public static final String LOCAL = "local";
    public static final String OIDC = "oidc";

    private IdentityMode() {
    }

    public static void requireSupported(String configured) {
        if (!LOCAL.equals(configured) && !OIDC.equals(configured)) {
            throw new IllegalStateException("mcprospero.identity.mode=" + configured + " is not a mode MCProspero knows; "
                    + "use 'local' (email and access code) or 'oidc' (an OpenID Connect provider)");
        }
    }
}
