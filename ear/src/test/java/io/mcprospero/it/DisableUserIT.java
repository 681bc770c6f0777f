package io.mcprospero.it;

import static io.mcprospero.it.AdminApiIT.bearer;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Disabling a user takes effect at once: their access token is refused, refresh fails, MCP sessions end. */
class DisableUserIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void overTheAdminApi() {
        SignedIn user = signedIn(email("disabled-rest"));
        String adminToken = signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken();

        HttpResponse<String> disabled = Http.putJson(server.baseUrl() + "/admin/users/" + user.id() + "/status",
                "{\"status\":\"disabled\"}", bearer(adminToken));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(Http.json(disabled).getString("status")).isEqualTo("disabled");

        assertLockedOut(user);

        HttpResponse<String> enabled = Http.putJson(server.baseUrl() + "/admin/users/" + user.id() + "/status",
                "{\"status\":\"active\"}", bearer(adminToken));
        assertThat(Http.json(enabled).getString("status")).isEqualTo("active");
        assertThat(ping(user)).as("the revoked sign-in stays revoked, its session with it").isEqualTo(401);
        assertThat(signIn.refresh(user.client(), user.refreshToken()).statusCode()).as("revoked refresh tokens stay revoked").isEqualTo(400);
        structured(session(server, user.email()).callTool("whoami", "{}"));
    }

    @Test
    void withTheAdminTool() {
        SignedIn user = signedIn(email("disabled-tool"));
        RawMcp admin = session(server, ServerUnderTest.ADMIN_EMAIL);

        JsonObject disabled = structured(admin.callTool("admin", "{\"action\":\"disable_user\",\"user\":\"" + user.email() + "\",\"confirm\":true}"));
        assertThat(disabled.getString("status")).isEqualTo("disabled");

        assertLockedOut(user);
        assertThat(structured(admin.callTool("admin", "{\"action\":\"enable_user\",\"user\":\"" + user.id() + "\"}")).getString("status"))
                .isEqualTo("active");
    }

    @Test
    void anAdminCannotDisableThemselves() {
        String adminToken = signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken();
        RawMcp admin = new RawMcp(server, adminToken);
        admin.initialize();
        String adminId = structured(admin.callTool("whoami", "{}")).getJsonObject("user").getString("id");

        HttpResponse<String> refused = Http.putJson(server.baseUrl() + "/admin/users/" + adminId + "/status",
                "{\"status\":\"disabled\"}", bearer(adminToken));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).getString("error_description")).contains("your own account");
    }

    private void assertLockedOut(SignedIn user) {
        HttpResponse<String> mcp = user.mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", user.mcp().sessionId(),
                "MCP-Protocol-Version", "2025-11-25");
        assertThat(mcp.statusCode()).as("the existing access token is refused at once").isEqualTo(401);
        assertThat(mcp.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("resource_metadata=").contains("invalid_token");

        HttpResponse<String> refreshed = signIn.refresh(user.client(), user.refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
        assertThat(Http.json(refreshed).getString("error")).isEqualTo("invalid_grant");

        HttpResponse<String> admin = Http.get(server.baseUrl() + "/admin/users", bearer(user.accessToken()));
        assertThat(admin.statusCode()).as("the admin API refuses the token the same way").isEqualTo(401);

        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(signIn.authorizeUrl(user.client()));
        HttpResponse<String> again = browser.postForm(server.baseUrl() + "/oauth/sign-in", java.util.Map.of(
                "request", Browser.field(page.body(), "request"), "csrf", Browser.field(page.body(), "csrf"),
                "email", user.email(), "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(again.statusCode()).as("signing in again shows the disabled-account page").isEqualTo(403);
        assertThat(again.body()).contains("Account disabled").contains("ask an administrator");
        assertThat(again.headers().firstValue("Location")).isEmpty();
    }

    private int ping(SignedIn user) {
        return user.mcp().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", user.mcp().sessionId(),
                "MCP-Protocol-Version", "2025-11-25").statusCode();
    }

    private SignedIn signedIn(String email) {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        JsonObject tokens = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, email), verifier));
        RawMcp mcp = new RawMcp(server, tokens.getString("access_token"));
        mcp.initialize();
        String id = structured(mcp.callTool("whoami", "{}")).getJsonObject("user").getString("id");
        return new SignedIn(email, id, client, tokens.getString("access_token"), tokens.getString("refresh_token"), mcp);
    }

    private record SignedIn(String email, String id, LocalSignIn.Client client, String accessToken, String refreshToken, RawMcp mcp) {
    }
}
