package io.mcprospero.identity;

/**
 * Who an identity provider says signed in. {@code upstream} is absent for local sign-in, where knowing the
 * server's access code is what admits the person (the laptop case: whoever reads the console owns it).
 */
public record SignedInPerson(String email, String name, Upstream upstream) {

    /**
     * The upstream OpenID Connect provider's view: issuer, subject, whether it verified the email, and (Zitadel) the
     * person's org there.
     */
    public record Upstream(String issuer, String subject, boolean emailVerified, String orgId) {
    }

    public static SignedInPerson local(String email) {
        return new SignedInPerson(email, null, null);
    }

    public boolean viaAccessCode() {
        return upstream == null;
    }
}
