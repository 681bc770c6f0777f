package io.mcprospero.identity;

/**
 * The identity modes this version can serve. Start-up fails closed on any other: a configured mode that
 * cannot be served must never fall back to local sign-in.
 */
public final class IdentityMode {

    public static final String LOCAL = "local";

    private IdentityMode() {
    }

    public static void requireSupported(String configured) {
        if (!LOCAL.equals(configured)) {
            throw new IllegalStateException("mcprospero.identity.mode=" + configured + " is not available in this version; "
                    + "only 'local' sign-in is (OpenID Connect sign-in is being built)");
        }
    }
}
