package io.mcprospero.signup;

import java.util.Collection;
import java.util.List;

/**
 * How an email matches the allowlist: by the exact address or by its whole domain ({@code @example.com}).
 * A subdomain is a different domain (an entry {@code @example.com} does not admit {@code a@eu.example.com}),
 * so that an entry never admits more than it says.
 */
public final class AllowlistMatch {

    private AllowlistMatch() {
    }

    /** The entries that would admit this (normalized) email: the address itself and its domain. */
    public static List<String> entriesAdmitting(String normalizedEmail) {
        int at = normalizedEmail.lastIndexOf('@');
        return at < 0 ? List.of(normalizedEmail) : List.of(normalizedEmail, normalizedEmail.substring(at));
    }

    public static boolean admits(Collection<String> entries, String normalizedEmail) {
        return entriesAdmitting(normalizedEmail).stream().anyMatch(entries::contains);
    }
}
