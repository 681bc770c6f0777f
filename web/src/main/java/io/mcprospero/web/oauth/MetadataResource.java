package io.mcprospero.web.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.mcp.ProtocolVersions;
import io.mcprospero.oauth.MetadataDocumentSettings;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.oauth.Scopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Discovery documents: protected resource metadata (RFC 9728) for /mcp, and the authorization server
 * metadata (RFC 8414; also served as openid-configuration for clients that only look there).
 */
@Path("/.well-known")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {

    private OAuthSettings settings;
    private MetadataDocumentSettings documents;

    protected MetadataResource() {
        // for the CDI proxy
    }

    @Inject
    public MetadataResource(OAuthSettings settings, MetadataDocumentSettings documents) {
        this.settings = settings;
        this.documents = documents;
    }

    @GET
    @Path("oauth-protected-resource")
    public JsonObject protectedResource() {
        return Jsons.object()
                .add("resource", settings.mcpResource())
                .add("authorization_servers", Jsons.array().add(settings.issuer()))
                .add("bearer_methods_supported", Jsons.array().add("header"))
                .add("resource_name", "MCProspero")
                .add("resource_documentation", settings.issuer() + "/")
                .build();
    }

    @GET
    @Path("oauth-protected-resource/mcp")
    public JsonObject protectedResourceOfMcp() {
        return protectedResource();
    }

    @GET
    @Path("oauth-authorization-server")
    public JsonObject authorizationServer() {
        return Jsons.object()
                .add("issuer", settings.issuer())
                .add("authorization_endpoint", settings.endpoint("/oauth/authorize"))
                .add("token_endpoint", settings.endpoint("/oauth/token"))
                .add("registration_endpoint", settings.endpoint("/oauth/register"))
                .add("jwks_uri", settings.endpoint("/oauth/jwks"))
                .add("revocation_endpoint", settings.endpoint("/oauth/revoke"))
                .add("revocation_endpoint_auth_methods_supported",
                        Jsons.array().add("none").add("client_secret_post").add("client_secret_basic"))
                .add("response_types_supported", Jsons.array().add("code"))
                .add("response_modes_supported", Jsons.array().add("query"))
                .add("grant_types_supported", Jsons.array().add("authorization_code").add("refresh_token"))
                .add("code_challenge_methods_supported", Jsons.array().add("S256"))
                .add("token_endpoint_auth_methods_supported",
                        Jsons.array().add("none").add("client_secret_post").add("client_secret_basic"))
                .add("scopes_supported", Jsons.array().add(Scopes.MCP))
                .add("authorization_response_iss_parameter_supported", true)
                .add("client_id_metadata_document_supported", documents.enabled())
                .add("subject_types_supported", Jsons.array().add("public"))
                .add("id_token_signing_alg_values_supported", Jsons.array().add("RS256"))
                .add("mcp_protocol_versions_supported", Jsons.array(ProtocolVersions.ALL))
                .build();
    }

    @GET
    @Path("oauth-authorization-server/mcp")
    public JsonObject authorizationServerForMcpPath() {
        return authorizationServer();
    }

    @GET
    @Path("openid-configuration")
    public JsonObject openidConfiguration() {
        return authorizationServer();
    }
}
