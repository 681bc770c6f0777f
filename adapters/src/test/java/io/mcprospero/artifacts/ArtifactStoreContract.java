package io.mcprospero.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every artifact store does, whatever it keeps its content in; each adapter's test runs it. */
abstract class ArtifactStoreContract {

    abstract ArtifactStore store();

    private static String key() {
        return "transcripts/org-" + UUID.randomUUID() + "/run-" + UUID.randomUUID();
    }

    @Test
    void whatIsPutIsGotBackByteForByte() {
        String key = key();
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }

        store().put(key, content);

        assertThat(store().get(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    }

    @Test
    void aSecondPutReplacesTheFirst() {
        String key = key();
        store().put(key, "first".getBytes(StandardCharsets.UTF_8));

        store().put(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(store().get(key)).hasValueSatisfying(read -> assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("second"));
    }

    @Test
    void anUnknownKeyIsEmptyAndDeletingItIsHarmless() {
        String key = key();

        assertThat(store().get(key)).isEmpty();
        store().delete(key);
        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void aDeletedKeyIsGone() {
        String key = key();
        store().put(key, new byte[] {1, 2, 3});

        store().delete(key);

        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void keysThatCouldLeaveTheStoreAreRefused() {
        for (String bad : new String[] {"../outside", "/absolute", "a//b", "a/../b", "", "with space", "a\\b"}) {
            assertThatThrownBy(() -> store().put(bad, new byte[] {1})).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
