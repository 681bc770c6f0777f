package io.mcprospero.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer values (codes, refresh tokens, session ids, client secrets): 256 bits, URL-safe. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
