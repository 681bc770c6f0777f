package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** People signing in to the shared server and using tools: fresh emails, sessions, tool results and refusals. */
public final class People {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private People() {
    }

    /** An email no other test uses, so that tests on the shared server do not meet. */
    public static String email(String who) {
        return who + "-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + "@example.com";
    }

    /** Signs in and opens an MCP session. */
    public static RawMcp session(ServerUnderTest server, String email) {
        RawMcp mcp = new RawMcp(server, new LocalSignIn(server).tokensFor(email).accessToken());
        mcp.initialize();
        return mcp;
    }

    /** Creates a shared org owned by this person and makes it the session's current org; returns its id. */
    public static String sharedOrg(RawMcp owner, String name) {
        String id = structured(owner.callTool("create_org", "{\"name\":\"" + name + "\"}")).getJsonObject("org").getString("id");
        structured(owner.callTool("switch_org", "{\"org_id\":\"" + id + "\"}"));
        return id;
    }

    /** The invitee accepts the invitation into this org (accept_invitation), as a person who already has a session does. */
    public static JsonObject accept(RawMcp invitee, String orgId) {
        return structured(invitee.callTool("accept_invitation", "{\"org_id\":\"" + orgId + "\"}"));
    }

    /**
     * The person opens an approval link in a fresh browser, signs in there as themselves (the page asks first), is sent
     * back to the page, and approves or declines what it shows; answers the page after the decision.
     */
    public static HttpResponse<String> decideOnApprovalPage(ServerUnderTest server, String url, String email, String decision) {
        Browser browser = new Browser();
        URI back = new LocalSignIn(server).signInForPage(browser, url, email);
        assertThat(back).as("signed in, back to the approval page").isEqualTo(URI.create(url));
        HttpResponse<String> page = browser.get(url);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return browser.postForm(url, Map.of("csrf", Browser.field(page.body(), "csrf"), "decision", decision));
    }

    public static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }

    /** The text of a tool error (isError), asserting that it is one. */
    public static String refusal(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isTrue();
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    public static String text(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }
}
