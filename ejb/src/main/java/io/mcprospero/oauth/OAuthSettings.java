package io.mcprospero.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The authorization server's identifiers and lifetimes, all derived from configuration. */
@ApplicationScoped
public class OAuthSettings {

    private String issuer;
    private Duration accessTokenTtl;
    private Duration refreshTokenTtl;
    private Duration registrationTtl;
    private Duration codeTtl;
    private Duration authorizationRequestTtl;

    protected OAuthSettings() {
        // for the CDI proxy
    }

    @Inject
    public OAuthSettings(@ConfigProperty(name = "mcprospero.public-url") String publicUrl,
                         @ConfigProperty(name = "mcprospero.oauth.access-token-ttl") Duration accessTokenTtl,
                         @ConfigProperty(name = "mcprospero.oauth.refresh-token-ttl") Duration refreshTokenTtl,
                         @ConfigProperty(name = "mcprospero.oauth.registration-ttl") Duration registrationTtl,
                         @ConfigProperty(name = "mcprospero.oauth.code-ttl") Duration codeTtl,
                         @ConfigProperty(name = "mcprospero.oauth.authorization-request-ttl") Duration authorizationRequestTtl) {
        this.issuer = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
        this.registrationTtl = registrationTtl;
        this.codeTtl = codeTtl;
        this.authorizationRequestTtl = authorizationRequestTtl;
    }

    /** The issuer identifier: the public base URL. */
    public String issuer() {
        return issuer;
    }

    /** The protected resource (RFC 8707/9728): the MCP endpoint; access tokens carry it as their audience. */
    public String mcpResource() {
        return issuer + "/mcp";
    }

    public String endpoint(String path) {
        return issuer + path;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public Duration registrationTtl() {
        return registrationTtl;
    }

    public Duration codeTtl() {
        return codeTtl;
    }

    public Duration authorizationRequestTtl() {
        return authorizationRequestTtl;
    }
}
