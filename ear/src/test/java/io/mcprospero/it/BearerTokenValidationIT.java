package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.SealedSigningKey;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens on /mcp are verified by MP-JWT with our AccessTokenStore: signature with the server's key, issuer,
 * audience (the MCP resource), expiry, the claims our tokens carry. Each forged variant below is signed correctly except for the one thing it gets
 * wrong, with the server's own private key read from its database and unsealed with its master key file (both together
 * are what it takes to sign), so that only that check can refuse it.
 */
class BearerTokenValidationIT {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static ServerUnderTest server;
    private static RSAKey serverKey;
    private static String userId;
    private static String grantId;

    @BeforeAll
    static void signInAndReadTheServersKey() throws Exception {
        server = ServerUnderTest.shared();
        String token = new LocalSignIn(server).tokensFor("victor@example.com").accessToken();
        userId = SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        // the forged tokens name the real sign-in's grant: a token without a standing grant is refused anyway
        grantId = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("gid");
        serverKey = SealedSigningKey.signing(ServerUnderTest.database("it")).unseal(server.dataDir());
    }

    @Test
    void aCorrectlyMadeTokenIsAccepted() {
        assertThat(initializeWith(sign(serverKey, claims().build()))).isEqualTo(200);
    }

    @Test
    void aTokenNamingNoStandingGrantIsRefused() {
        assertThat(initializeWith(sign(serverKey, claims().claim("gid", UUID.randomUUID().toString()).build()))).isEqualTo(401);
        assertThat(initializeWith(sign(serverKey, claims().claim("gid", null).build()))).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(initializeWith(sign(serverKey, claims().audience("https://other.example.com/mcp").build()))).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(initializeWith(sign(serverKey, claims().issuer("https://issuer.example.com").build()))).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(7200);
        assertThat(initializeWith(sign(serverKey, claims().issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(600))).build()))).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(initializeWith(new PlainJWT(claims().build()).serialize())).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheServersKidIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(serverKey.getKeyID()).generate();
        assertThat(initializeWith(sign(other, claims().build()))).isEqualTo(401);
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertThat(initializeWith(sign(other, claims().build()))).isEqualTo(401);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = sign(serverKey, claims().build()).split("\\.");
        String forged = parts[0] + "." + Base64URL.encode(claims().subject(UUID.randomUUID().toString()).build().toString()) + "." + parts[2];
        assertThat(initializeWith(forged)).isEqualTo(401);
    }

    /*
     * Tokens that Payara's own MP-JWT store accepts (it requires iss, sub, exp, iat and jti only, takes the caller's
     * name from sub without upn and does not read nbf) but our AccessTokenStore refuses. Refused here, they show that
     * our store's rules are in force on the server and that /mcp takes nothing from Payara's store as a caller:
     * accepted tokens reach the resource only as AccessTokenPrincipal, which only our store creates.
     */
    @Test
    void aTokenWithoutUpnIsRefused() {
        assertThat(initializeWith(sign(serverKey, claims().claim("upn", null).build()))).isEqualTo(401);
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertThat(initializeWith(sign(serverKey, claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()))).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheUserGroupIsRefused() {
        HttpResponse<String> response = Http.postJson(server.mcpUrl(), INITIALIZE,
                "Authorization", "Bearer " + sign(serverKey, claims().claim("groups", List.of("admin")).build()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws Exception {
        // expired 22 s ago: within the server's 30 s clock skew for about 8 s more
        Instant expiry = Instant.now().minusSeconds(22).truncatedTo(ChronoUnit.SECONDS);
        String expiring = sign(serverKey, claims().issueTime(Date.from(expiry.minusSeconds(600)))
                .notBeforeTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)).build());
        assertThat(initializeWith(expiring)).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 20_000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            status = initializeWith(expiring);
        }

        assertThat(status).isEqualTo(401);
        assertThat(Instant.now()).isAfter(expiry.plusSeconds(30));
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        String token = sign(serverKey, claims().build());
        HttpResponse<String> response = Http.postJson(server.mcpUrl() + "?access_token=" + token, INITIALIZE);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aWellFormedTokenOfAnUnknownUserGetsNoSession() {
        String token = sign(serverKey, claims().subject(UUID.randomUUID().toString()).claim("upn", "ghost").build());
        RawMcp ghost = new RawMcp(server, token);
        HttpResponse<String> response = ghost.post(INITIALIZE, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    private static int initializeWith(String token) {
        return Http.postJson(server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + token).statusCode();
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(server.baseUrl())
                .subject(userId)
                .audience(server.mcpUrl())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", userId)
                .claim("gid", grantId)
                .claim("groups", List.of("user"));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
