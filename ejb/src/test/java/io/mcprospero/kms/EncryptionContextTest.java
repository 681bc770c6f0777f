package io.mcprospero.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The canonical encoding of a context, bound as additional data, is the same for equal contexts and only for them. */
class EncryptionContextTest {

    @Test
    void theOrderOfEntriesDoesNotMatter() {
        EncryptionContext one = EncryptionContext.of("org_id", "acme").with("secret_name", "slack");
        EncryptionContext other = EncryptionContext.of("secret_name", "slack").with("org_id", "acme");

        assertThat(one).isEqualTo(other);
        assertThat(one.canonical()).isEqualTo(other.canonical());
    }

    @Test
    void contextsThatConcatenateAlikeEncodeDifferently() {
        assertThat(EncryptionContext.of("a", "bc").canonical()).isNotEqualTo(EncryptionContext.of("ab", "c").canonical());
        assertThat(EncryptionContext.of("a", "b").with("c", "d").canonical())
                .isNotEqualTo(EncryptionContext.of("a", "b\u0000\u0000\u0000\u0001c\u0000\u0000\u0000\u0001d").canonical());
        assertThat(EncryptionContext.ofOrg("acme").canonical()).isNotEqualTo(EncryptionContext.ofOrg("acme ").canonical());
    }

    @Test
    void emptyContextsKeysAndValuesAreRefused() {
        assertThatThrownBy(() -> new EncryptionContext(new TreeMap<>())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.ofOrg("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.of("", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
