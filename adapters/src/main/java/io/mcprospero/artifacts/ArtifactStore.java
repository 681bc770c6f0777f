package io.mcprospero.artifacts;

import java.util.Optional;

/**
 * Where large blobs the database should not hold are kept (run transcripts over a size threshold), by key. It stores
 * what it is given: callers seal content before it leaves. Keys are paths of segments of letters, digits, '.', '_'
 * and '-' separated by '/' ({@link ArtifactKeys}). Failures of the store raise {@link ArtifactStoreUnavailable}.
 */
public interface ArtifactStore extends AutoCloseable {

    /** Stores the content under the key, replacing what was there. */
    void put(String key, byte[] content);

    /** The content stored under the key, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** Removes the key's content; nothing happens when there is none. */
    void delete(String key);

    /** Where the store keeps its content, for the start-up log (a directory, a bucket). */
    String describe();

    /** Releases the client's connections and threads, if it holds any (S3 does; the file store does not). */
    @Override
    default void close() {
    }
}
