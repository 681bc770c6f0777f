package io.mcprospero.identity;

/** A sign-in by someone whose account an administrator disabled: refused, with a page saying whom to ask. */
public final class AccountDisabled extends RuntimeException {

    public AccountDisabled() {
        super("this account is disabled; ask an administrator of MCProspero", null, false, false);
    }
}
