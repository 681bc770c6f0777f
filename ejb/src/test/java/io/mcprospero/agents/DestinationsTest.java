package io.mcprospero.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.failure.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's destinations: each kind in one spelling, and a send tool's destination allowed only if the spec names it. */
class DestinationsTest {

    private static AgentSpec spec(List<String> destinations) {
        return new AgentSpec("do", null, List.of(), List.of(), destinations, null, false, null, new AgentSpec.Limits(1, 1, 1));
    }

    @Test
    void eachKindHasOneSpelling() {
        assertThat(Destinations.normalized(" #Work-Digest ")).isEqualTo("#work-digest");
        assertThat(Destinations.normalized("C0DIGEST01")).isEqualTo("C0DIGEST01");
        assertThat(Destinations.normalized("Ana@Example.com")).isEqualTo("ana@example.com");
        assertThat(Destinations.normalized("+49 (151) 1234-5678")).isEqualTo("+4915112345678");
    }

    @Test
    void somethingOfNoKindIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> Destinations.normalized("https://evil.example/hook")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("Slack channels").hasMessageContaining("email addresses").hasMessageContaining("WhatsApp numbers");
    }

    @Test
    void onlyANamedDestinationOfTheRightKindIsAllowed() {
        AgentSpec spec = spec(List.of("#work-digest", "ana@example.com"));

        assertThat(Destinations.allows(spec, Destinations.Kind.SLACK_CHANNEL, "#Work-Digest")).isTrue();
        assertThat(Destinations.allows(spec, Destinations.Kind.EMAIL, "ANA@example.com")).isTrue();
        assertThat(Destinations.allows(spec, Destinations.Kind.EMAIL, "attacker@evil.example")).isFalse();
        assertThat(Destinations.allows(spec, Destinations.Kind.SLACK_CHANNEL, "ana@example.com")).isFalse();
        assertThat(Destinations.allows(spec, Destinations.Kind.EMAIL, "ana@example.com\r\nBcc: x@y.z")).isFalse();
        assertThat(Destinations.of(spec, Destinations.Kind.EMAIL)).containsExactly("ana@example.com");
    }
}
