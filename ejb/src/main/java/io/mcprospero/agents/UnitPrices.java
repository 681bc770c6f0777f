package io.mcprospero.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Units: one unit is one Haiku token; a model family costs its multiplier per token (Sonnet 3.75, Opus 18.75 by
 * default, {@code mcprospero.agents.unit-multipliers}). A model is priced by the first family its name contains.
 */
@ApplicationScoped
public class UnitPrices {

    private Map<String, Double> multipliers;

    protected UnitPrices() {
        // for the CDI proxy
    }

    @Inject
    public UnitPrices(@ConfigProperty(name = "mcprospero.agents.unit-multipliers") String configured) {
        this.multipliers = parse(configured);
    }

    static Map<String, Double> parse(String configured) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("mcprospero.agents.unit-multipliers takes family=multiplier pairs, e.g. haiku=1,sonnet=3.75");
            }
            parsed.put(parts[0].strip().toLowerCase(Locale.ROOT), Double.parseDouble(parts[1].strip()));
        }
        return parsed;
    }

    public double multiplierOf(String model) {
        String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
        return multipliers.entrySet().stream().filter(entry -> lower.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(1.0);
    }

    /** The units of a model call: its tokens in and out at the model's multiplier, rounded up. */
    public long unitsOf(String model, long inputTokens, long outputTokens) {
        return (long) Math.ceil((inputTokens + outputTokens) * multiplierOf(model));
    }
}
