package io.mcprospero.oauth;

import io.mcprospero.support.AddressRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds on fetching Client ID Metadata Documents, which anonymous requests cause and which may hold a worker for the
 * whole fetch timeout: fetches per client address and per document host each minute, and a refusal remembered for a
 * while, so that a slow or broken URL is not fetched again by every request naming it. In memory on each instance.
 */
@ApplicationScoped
public class DocumentFetchLimits {

    /** More remembered refusals than this and the expired ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private AddressRate perAddress;
    private AddressRate perHost;
    private Duration refusalMemory;
    private final Map<String, Remembered> refusals = new ConcurrentHashMap<>();

    protected DocumentFetchLimits() {
        // for the CDI proxy
    }

    @Inject
    public DocumentFetchLimits(@ConfigProperty(name = "mcprospero.oauth.cimd.fetch-rate-per-address") int perAddress,
                               @ConfigProperty(name = "mcprospero.oauth.cimd.fetch-rate-per-host") int perHost,
                               @ConfigProperty(name = "mcprospero.oauth.cimd.refusal-memory") Duration refusalMemory) {
        this.perAddress = new AddressRate(perAddress);
        this.perHost = new AddressRate(perHost);
        this.refusalMemory = refusalMemory;
    }

    private record Remembered(MetadataDocumentRefused refusal, Instant until) {
    }

    /**
     * Before fetching {@code url} for a request from {@code address}: throws the refusal remembered for the URL, or a
     * refusal when the address or the URL's host has had its fetches this minute. Counts the fetch otherwise.
     */
    public void admit(String url, String address, Instant now) {
        Remembered remembered = refusals.get(url);
        if (remembered != null) {
            if (now.isBefore(remembered.until())) {
                throw remembered.refusal();
            }
            refusals.remove(url, remembered);
        }
        OptionalLong addressWait = perAddress.admit(address, now);
        if (addressWait.isPresent()) {
            throw new MetadataDocumentRefused("more than " + perAddress.perMinute() + " metadata documents a minute were fetched for "
                    + "your address; try again in " + addressWait.getAsLong() + " s");
        }
        String host = hostOf(url);
        OptionalLong hostWait = perHost.admit(host, now);
        if (hostWait.isPresent()) {
            throw new MetadataDocumentRefused("more than " + perHost.perMinute() + " metadata documents a minute were fetched from "
                    + host + "; try again in " + hostWait.getAsLong() + " s");
        }
    }

    /** A fetch of {@code url} was refused: the same answer is given without fetching until the memory ends. */
    public void refused(String url, MetadataDocumentRefused refusal, Instant now) {
        if (refusals.size() > SWEEP_ABOVE) {
            refusals.values().removeIf(entry -> !now.isBefore(entry.until()));
        }
        refusals.put(url, new Remembered(new MetadataDocumentRefused(refusal.getMessage() + " (remembered for "
                + refusalMemory.toSeconds() + " s)"), now.plus(refusalMemory)));
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
