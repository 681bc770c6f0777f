package io.mcprospero.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static Manifest manifest(List<String> sends, String when, long units) {
        return new Manifest(List.of("its own notes"), sends, List.of("remember"), List.of(), when, 1, units, 20_000);
    }

    @Test
    void whatItReadsSendsAndWhenItRunsNeedApprovalItsCostDoesNot() {
        Manifest approved = manifest(List.of("#digest"), "every PT1H (UTC)", 3_000);

        assertThat(approved.sameReach(manifest(List.of("#digest"), "every PT1H (UTC)", 9_000))).isTrue();
        assertThat(approved.sameReach(manifest(List.of("#digest", "attacker@example.net"), "every PT1H (UTC)", 3_000))).isFalse();
        assertThat(approved.sameReach(manifest(List.of("#digest"), "every PT1M (UTC)", 3_000))).isFalse();
        assertThat(Manifest.fromJson(approved.toJson())).isEqualTo(approved);
        assertThat(approved.describe("Digest")).contains("Reads: its own notes").contains("May send to: #digest").contains("about 3000 units");
    }
}
