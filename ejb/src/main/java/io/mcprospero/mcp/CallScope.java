package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import io.mcprospero.mcp.mrtr.ClientAbilities;

/** The circumstances of one tools/call, as the era established them: caller, grant, client abilities, progress. */
public record CallScope(Caller caller, String grantId, boolean platformAdmin, ClientAbilities client, Progress progress) {
}
