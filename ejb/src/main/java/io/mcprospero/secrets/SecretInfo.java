package io.mcprospero.secrets;

import io.mcprospero.persistence.secrets.SecretKind;
import java.time.Instant;

/** What is known about a secret without decrypting it. */
public record SecretInfo(String name, SecretKind kind, Instant createdAt, Instant updatedAt) {
}
