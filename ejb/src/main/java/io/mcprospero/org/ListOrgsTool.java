package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** list_orgs: the orgs the user belongs to (only theirs), with role and which one is current. */
@ApplicationScoped
public class ListOrgsTool implements Tool {

    private Orgs orgs;

    protected ListOrgsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListOrgsTool(Orgs orgs) {
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "list_orgs";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        List<Membership> memberships = orgs.membershipsOf(context.caller().userId());
        JsonArrayBuilder listed = Jsons.array();
        memberships.forEach(m -> listed.add(OrgViews.of(m, m.org().id().equals(context.caller().orgId()))));
        String text = memberships.stream()
                .map(m -> OrgViews.displayName(m.org().name(), m.org().isPersonal()) + " (" + m.role().wireName()
                        + (m.org().id().equals(context.caller().orgId()) ? ", current" : "") + ", id " + m.org().id() + ")")
                .collect(Collectors.joining("; "));
        return ToolResult.of("Your orgs: " + text, Jsons.object().add("orgs", listed).build());
    }
}
