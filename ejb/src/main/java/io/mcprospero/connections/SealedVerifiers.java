package io.mcprospero.connections;

import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * The PKCE verifier of a pending connect request, sealed like a secret while it waits for the callback: a data key of
 * the request's org (org_id in the KMS encryption context), AES-256-GCM with the org, the purpose and the request's
 * link hash as additional data, so a copy of the database cannot finish a sign-in and a sealed verifier moved to another
 * request or org does not open. It lives 15 minutes at most, so it is not re-wrapped on a master key rotation; a rotation
 * keeps the old key versions for decrypting.
 */
@ApplicationScoped
public class SealedVerifiers {

    private DataKeys dataKeys;

    protected SealedVerifiers() {
        // for the CDI proxy
    }

    @Inject
    public SealedVerifiers(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    public Envelope seal(String orgId, String linkHash, String verifier) {
        return dataKeys.seal(EncryptionContext.ofOrg(orgId), additionalData(orgId, linkHash), verifier.getBytes(StandardCharsets.US_ASCII));
    }

    public String open(String orgId, String linkHash, Envelope sealed) {
        try {
            byte[] plaintext = dataKeys.open(EncryptionContext.ofOrg(orgId), additionalData(orgId, linkHash), sealed);
            try {
                return new String(plaintext, StandardCharsets.US_ASCII);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        } catch (DataKeyRefused | AEADBadTagException e) {
            throw new SecretUnreadable("this sign-in cannot be completed: its request was altered or moved; ask in the conversation for a new "
                    + "connect link (connect_account)", e.getClass().getSimpleName());
        }
    }

    private static byte[] additionalData(String orgId, String linkHash) {
        return EncryptionContext.ofOrg(orgId).with("purpose", "connect-pkce-verifier").with("link_hash", linkHash).canonical();
    }
}
