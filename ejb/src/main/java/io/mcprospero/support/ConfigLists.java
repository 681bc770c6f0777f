package io.mcprospero.support;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Comma-separated configuration values as lists (Payara cannot inject {@code Optional<List<String>>}). */
public final class ConfigLists {

    private ConfigLists() {
    }

    public static List<String> split(Optional<String> value) {
        return value.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList())
                .orElse(List.of());
    }
}
