package io.mcprospero.connections;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.integrations.google.GoogleOAuth;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each provider's OAuth app from configuration ({@code mcprospero.connect.<provider>.client-id}, {@code .client-secret},
 * {@code .base-url} for a stand-in), and its adapter, made at first use.
 */
@ApplicationScoped
public class ProviderOAuths {

    private Clock clock;
    private final Map<Provider, AccountOAuth> made = new EnumMap<>(Provider.class);

    protected ProviderOAuths() {
        // for the CDI proxy
    }

    @Inject
    public ProviderOAuths(Clock clock) {
        this.clock = clock;
    }

    static String key(Provider provider, String setting) {
        return "mcprospero.connect." + provider.wireName() + "." + setting;
    }

    /** Whether the platform has an OAuth app for the provider. */
    public boolean configured(Provider provider) {
        return settings(provider).isPresent();
    }

    /** The provider's OAuth; refuses, naming the settings, when the platform has no app for it. */
    public synchronized AccountOAuth of(Provider provider) {
        AccountOAuth oauth = made.get(provider);
        if (oauth == null) {
            OAuthClientSettings settings = settings(provider).orElseThrow(() -> new InvalidInput(provider.displayName()
                    + " accounts cannot be connected on this platform yet: a platform admin must set " + key(provider, "client-id")
                    + " and " + key(provider, "client-secret")));
            oauth = provider == Provider.GOOGLE ? new GoogleOAuth(settings, clock) : ProviderLibraries.load(IntegrationSdks.class).slackOAuth(settings, clock);
            made.put(provider, oauth);
        }
        return oauth;
    }

    private static Optional<OAuthClientSettings> settings(Provider provider) {
        Config config = ConfigProvider.getConfig(ProviderOAuths.class.getClassLoader());
        Optional<String> id = config.getOptionalValue(key(provider, "client-id"), String.class).filter(v -> !v.isBlank());
        Optional<String> secret = config.getOptionalValue(key(provider, "client-secret"), String.class).filter(v -> !v.isBlank());
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OAuthClientSettings(id.get(), secret.get(),
                config.getOptionalValue(key(provider, "base-url"), String.class).filter(v -> !v.isBlank()).orElse(null)));
    }
}
