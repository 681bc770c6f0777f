package io.mcprospero.bench.auth;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The MicroProfile Config that Payara's MP-JWT classes read outside the server: the mp.jwt.* values the
 * server derives (issuer, audience, key file), from a map. Only what those classes ask for is supported.
 */
final class BenchConfig implements Config {

    private final Map<String, String> values;

    private BenchConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static void install(Map<String, String> values) {
        Config config = new BenchConfig(values);
        ConfigProviderResolver.setInstance(new ConfigProviderResolver() {
            @Override
            public Config getConfig() {
                return config;
            }

            @Override
            public Config getConfig(ClassLoader loader) {
                return config;
            }

            @Override
            public ConfigBuilder getBuilder() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void registerConfig(Config ignored, ClassLoader loader) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void releaseConfig(Config ignored) {
            }
        });
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException(name);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (type == String.class) {
            return Optional.of(type.cast(value));
        }
        if (type == Boolean.class) {
            return Optional.of(type.cast(Boolean.valueOf(value)));
        }
        if (type == Long.class) {
            return Optional.of(type.cast(Long.valueOf(value)));
        }
        if (type == Integer.class) {
            return Optional.of(type.cast(Integer.valueOf(value)));
        }
        throw new IllegalArgumentException("no converter to " + type + " for " + name);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException(type.getName());
    }
}
