package io.mcprospero.persistence.identity;

/** Whether a person may use the service. A disabled user's tokens are refused at once. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
