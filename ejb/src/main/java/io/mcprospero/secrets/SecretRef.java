package io.mcprospero.secrets;

import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.persistence.secrets.SecretKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which secret a ciphertext belongs to. The org goes into the KMS encryption context of the data key; org,
 * name and kind together are the ciphertext's additional data, so the ciphertext of one secret cannot be
 * passed off as another's, not even inside the same org. Names stay out of the KMS context because KMS logs
 * it in CloudTrail.
 */
public record SecretRef(String orgId, String name, SecretKind kind) {

    public EncryptionContext keyContext() {
        return EncryptionContext.ofOrg(orgId);
    }

    byte[] additionalData() {
        return new EncryptionContext(new TreeMap<>(Map.of(EncryptionContext.ORG_ID, orgId, "secret_name", name, "secret_kind", kind.name())))
                .canonical();
    }

    @Override
    public String toString() {
        return "secret '" + name + "' of org " + orgId;
    }
}
