package io.mcprospero.oauth;

import io.mcprospero.support.Hashes;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens this instance has verified, so that a client's next request with the same token skips the parse and
 * the RSA signature check (about a tenth of an MCP request's CPU, bench/README.md). What a verification proved of a
 * token's bytes cannot change, with two exceptions that are checked on every hit: time (the entry is valid only
 * between nbf and exp, each with the clock skew, as nimbus checks them) and the key set (an entry made under another
 * key set, for example before a key was retired, is a miss). Whether the user is still active is not a property of
 * the token: /mcp and /admin read it from the database on every request, cache or not.
 * <p>
 * Entries are found by the SHA-256 of the token, so the map holds no bearer secrets as keys and a lookup compares
 * digests, not the secret. The map is bounded: when it is full, expired entries go, and if that frees too little, an
 * arbitrary eighth of the rest (they are verified again when they come back).
 */
final class VerifiedTokens {

    /**
     * What one verification established: the principal and the instants strictly between which the token is valid
     * (nbf and exp, each widened by the clock skew, with nimbus' strict comparisons).
     */
    record Verified(Object keySet, AccessTokenPrincipal principal, long validFromMillis, long validUntilMillis) {

        boolean validAt(Object currentKeySet, long nowMillis) {
            return keySet == currentKeySet && nowMillis > validFromMillis && nowMillis < validUntilMillis;
        }
    }

    private final int capacity;
    private final Map<String, Verified> byDigest = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    static String digestOf(String token) {
        return Hashes.sha256Hex(token);
    }

    /** The principal of a token verified before under this key set, if it is valid now; else null. */
    AccessTokenPrincipal find(String digest, Object currentKeySet, long nowMillis) {
        Verified verified = byDigest.get(digest);
        if (verified == null) {
            return null;
        }
        if (!verified.validAt(currentKeySet, nowMillis)) {
            byDigest.remove(digest, verified);
            return null;
        }
        return verified.principal();
    }

    void remember(String digest, Verified verified, long nowMillis) {
        if (byDigest.size() >= capacity) {
            makeRoom(nowMillis);
        }
        byDigest.put(digest, verified);
    }

    int size() {
        return byDigest.size();
    }

    private void makeRoom(long nowMillis) {
        byDigest.values().removeIf(verified -> verified.validUntilMillis() <= nowMillis);
        int excess = byDigest.size() - (capacity - Math.max(1, capacity / 8));
        Iterator<String> digests = byDigest.keySet().iterator();
        while (excess-- > 0 && digests.hasNext()) {
            digests.next();
            digests.remove();
        }
    }
}
