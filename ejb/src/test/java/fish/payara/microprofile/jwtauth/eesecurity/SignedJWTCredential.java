package fish.payara.microprofile.jwtauth.eesecurity;

import jakarta.security.enterprise.credential.Credential;

/**
 * A stand-in for Payara's credential of the same name (not on Maven Central), with the one method
 * AccessTokenStore calls, so that its tests hand it what MP-JWT's authentication mechanism hands it.
 */
public class SignedJWTCredential implements Credential {

    private final String signedJWT;

    public SignedJWTCredential(String signedJWT) {
        this.signedJWT = signedJWT;
    }

    public String getSignedJWT() {
        return signedJWT;
    }
}
