package io.mcprospero.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.persistence.signup.AllowlistEntry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowlistMatchTest {

    @Test
    void anEmailIsAdmittedByItselfOrByItsDomain() {
        assertThat(AllowlistMatch.admits(Set.of("ana@example.com"), "ana@example.com")).isTrue();
        assertThat(AllowlistMatch.admits(Set.of("@example.com"), "bob@example.com")).isTrue();
        assertThat(AllowlistMatch.entriesAdmitting("ana@example.com")).containsExactly("ana@example.com", "@example.com");
    }

    @Test
    void nothingElseAdmits() {
        assertThat(AllowlistMatch.admits(Set.of(), "ana@example.com")).as("closed by default").isFalse();
        assertThat(AllowlistMatch.admits(Set.of("ana@example.com"), "bob@example.com")).isFalse();
        assertThat(AllowlistMatch.admits(Set.of("@example.com"), "ana@eu.example.com")).as("a subdomain is another domain").isFalse();
        assertThat(AllowlistMatch.admits(Set.of("@example.com"), "ana@example.com.evil.org")).isFalse();
        assertThat(AllowlistMatch.admits(Set.of("@ample.com"), "ana@example.com")).as("no suffix matching").isFalse();
    }

    @Test
    void entriesAreNormalizedEmailsOrDomains() {
        assertThat(AllowlistEntry.normalize("  Ana@Example.COM ")).isEqualTo("ana@example.com");
        assertThat(AllowlistEntry.normalize("@Example.com")).isEqualTo("@example.com");
        assertThat(AllowlistEntry.normalize("@sub-1.example.co.uk")).isEqualTo("@sub-1.example.co.uk");
    }

    @Test
    void malformedEntriesAreRefusedWithWhatToWrite() {
        for (String bad : new String[] {"example.com", "@", "@example", "@-example.com", "@exa mple.com", "ana@", "*@example.com x"}) {
            assertThatThrownBy(() -> AllowlistEntry.normalize(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("@example.com");
        }
        assertThatThrownBy(() -> AllowlistEntry.normalize(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
