package io.mcprospero.web.identity;

import io.mcprospero.oauth.AuthorizeParameters;
import jakarta.ws.rs.QueryParam;

/** The query of an /authorize request, bound by JAX-RS ({@code @BeanParam}). */
public class AuthorizeQuery {

    @QueryParam("response_type")
    String responseType;
    @QueryParam("client_id")
    String clientId;
    @QueryParam("redirect_uri")
    String redirectUri;
    @QueryParam("state")
    String state;
    @QueryParam("code_challenge")
    String codeChallenge;
    @QueryParam("code_challenge_method")
    String codeChallengeMethod;
    @QueryParam("resource")
    String resource;
    @QueryParam("scope")
    String scope;

    AuthorizeParameters toParameters() {
        return new AuthorizeParameters(responseType, clientId, redirectUri, state, codeChallenge, codeChallengeMethod, resource, scope);
    }
}
