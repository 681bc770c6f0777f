package io.mcprospero.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitPricesTest {

    private final UnitPrices prices = new UnitPrices("haiku=1,sonnet=3.75,opus=18.75");

    @Test
    void oneUnitIsOneHaikuTokenAndOtherFamiliesCostTheirMultiplier() {
        assertThat(prices.unitsOf("claude-haiku-4-5", 100, 20)).isEqualTo(120);
        assertThat(prices.unitsOf("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", 100, 20)).isEqualTo(450);
        assertThat(prices.unitsOf("claude-opus-4-1", 1, 0)).as("rounded up").isEqualTo(19);
        assertThat(prices.unitsOf("llama3.1", 10, 5)).as("an unknown family costs like Haiku").isEqualTo(15);
    }

    @Test
    void aMalformedSettingIsRefused() {
        assertThatThrownBy(() -> new UnitPrices("haiku:1")).hasMessageContaining("family=multiplier");
    }
}
