package io.mcprospero.mcp;

import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** How this server introduces itself in either era: name, title, version, icons (from its own origin), instructions. */
@ApplicationScoped
public class ServerIdentity {

    public static final String NAME = "mcprospero";
    public static final String TITLE = "MCProspero";
    static final String INSTRUCTIONS = "MCProspero creates persistent AI agents that run on a schedule or trigger. "
            + "Call whoami first to see the user and the org you are working in; switch_org changes it for this sign-in, "
            + "and org-scoped tools also take org_id to act in another of the user's orgs for one call.";

    private JsonObject brief;
    private JsonObject full;

    protected ServerIdentity() {
        // for the CDI proxy
    }

    @Inject
    public ServerIdentity(OAuthSettings settings) {
        String version = ServerIdentity.class.getPackage().getImplementationVersion() == null
                ? "dev" : ServerIdentity.class.getPackage().getImplementationVersion();
        this.brief = Jsons.object().add("name", NAME).add("title", TITLE).add("version", version).build();
        this.full = Jsons.object(brief)
                .add("description", "Persistent AI agents you create by talking to Claude")
                .add("websiteUrl", settings.issuer())
                .add("icons", Jsons.array()
                        .add(Jsons.object().add("src", settings.issuer() + "/icons/mcprospero.svg")
                                .add("mimeType", "image/svg+xml").add("sizes", Jsons.array().add("any")))
                        .add(Jsons.object().add("src", settings.issuer() + "/icons/mcprospero-128.png")
                                .add("mimeType", "image/png").add("sizes", Jsons.array().add("128x128"))))
                .build();
    }

    /** Name, title and version: what each 2026-07-28 result carries in its _meta. */
    public JsonObject brief() {
        return brief;
    }

    /** With description, website and icons: initialize's serverInfo and server/discover's. */
    public JsonObject full() {
        return full;
    }

    public String instructions() {
        return INSTRUCTIONS;
    }
}
