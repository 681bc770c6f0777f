package io.mcprospero.persistence.support;

import java.util.UUID;

/** Identifiers of rows: random UUIDs, because the embedded H2 rejects IDENTITY columns and ids must not be guessable. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
