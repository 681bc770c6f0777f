package io.mcprospero.net;

/** A guarded fetch that was refused or failed; the message says why, as the end of "the URL cannot be fetched: ...". */
public final class FetchRefused extends RuntimeException {

    public FetchRefused(String reason) {
        super(reason, null, false, false);
    }
}
