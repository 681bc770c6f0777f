package io.mcprospero.it.support;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth side of a Java MCP client, built on Nimbus oauth2-oidc-sdk: given the 401 the MCP Java SDK
 * received, it discovers the authorization server from the WWW-Authenticate challenge, registers, signs
 * in (as the person would on the page), and redeems the code. Returns whether the SDK should retry.
 */
public final class SdkOAuth {

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

    private final ServerUnderTest server;
    private final String email;
    private volatile String accessToken;
    private volatile boolean discoveredFromChallenge;

    public SdkOAuth(ServerUnderTest server, String email) {
        this.server = server;
        this.email = email;
    }

    public Optional<String> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    public boolean discoveredFromChallenge() {
        return discoveredFromChallenge;
    }

    /** Called by the SDK on a 401. */
    public boolean onUnauthorized(java.net.http.HttpResponse.ResponseInfo response) {
        return onUnauthorized(response.headers());
    }

    /** As {@link #onUnauthorized(java.net.http.HttpResponse.ResponseInfo)}, from the 401's headers alone. */
    public boolean onUnauthorized(java.net.http.HttpHeaders headers) {
        String challenge = headers.firstValue("WWW-Authenticate").orElseThrow();
        Matcher metadataUrl = RESOURCE_METADATA.matcher(challenge);
        if (!metadataUrl.find()) {
            throw new IllegalStateException("no resource_metadata in " + challenge);
        }
        discoveredFromChallenge = true;
        JsonObject resourceMetadata = Http.json(Http.get(metadataUrl.group(1)));
        String resource = resourceMetadata.getString("resource");
        String issuer = resourceMetadata.getJsonArray("authorization_servers").getString(0);
        try {
            AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
                    Http.get(issuer + "/.well-known/oauth-authorization-server").body());
            HttpResponse<String> registered = Http.postJson(metadata.getRegistrationEndpointURI().toString(),
                    "{\"redirect_uris\":[\"" + LocalSignIn.REDIRECT_URI + "\"],\"client_name\":\"MCP Java SDK IT\","
                            + "\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\",\"refresh_token\"]}");
            ClientID clientId = new ClientID(Http.json(registered).getString("client_id"));
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                    .endpointURI(metadata.getAuthorizationEndpointURI())
                    .redirectionURI(URI.create(LocalSignIn.REDIRECT_URI))
                    .state(state)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .resource(URI.create(resource))
                    .build()
                    .toURI();
            URI callback = new LocalSignIn(server).signInAt(authorize.toString(), email);
            Map<String, String> answer = LocalSignIn.query(callback);
            if (!state.getValue().equals(answer.get("state")) || !issuer.equals(answer.get("iss"))) {
                throw new IllegalStateException("authorization response with the wrong state or issuer: " + callback);
            }
            TokenRequest tokenRequest = new TokenRequest.Builder(metadata.getTokenEndpointURI(), clientId,
                    new AuthorizationCodeGrant(new AuthorizationCode(answer.get("code")), URI.create(LocalSignIn.REDIRECT_URI), verifier))
                    .resources(URI.create(resource))
                    .build();
            TokenResponse tokens = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
            if (!tokens.indicatesSuccess()) {
                throw new IllegalStateException("token request failed: " + tokens.toErrorResponse().getErrorObject());
            }
            accessToken = tokens.toSuccessResponse().getTokens().getBearerAccessToken().getValue();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("the OAuth flow failed", e);
        }
    }

    public static List<String> names(List<io.modelcontextprotocol.spec.McpSchema.Tool> tools) {
        return tools.stream().map(io.modelcontextprotocol.spec.McpSchema.Tool::name).toList();
    }
}
