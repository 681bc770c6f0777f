package io.mcprospero.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The terms of service people accept on the welcome page: a version (changing it shows the page again) and where to read them. */
@ApplicationScoped
public class TermsSettings {

    private String version;
    private String url;

    protected TermsSettings() {
        // for the CDI proxy
    }

    @Inject
    public TermsSettings(@ConfigProperty(name = "mcprospero.terms.version") String version,
                         @ConfigProperty(name = "mcprospero.terms.url") String url) {
        this.version = version.strip();
        this.url = url.strip();
    }

    public String version() {
        return version;
    }

    public String url() {
        return url;
    }
}
