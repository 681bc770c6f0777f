package io.mcprospero.web.identity;

import io.mcprospero.identity.AccountDisabled;
import io.mcprospero.identity.IdentityLinkConflict;
import io.mcprospero.identity.NotAdmitted;
import io.mcprospero.identity.oidc.UpstreamRefused;
import io.mcprospero.identity.oidc.UpstreamUnavailable;
import io.mcprospero.web.Html;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The pages a refused or failed sign-in shows; each says what happened and what to do, and none sends anything to the client. */
final class SignInRefusals {

    private SignInRefusals() {
    }

    @Provider
    public static class NotAdmittedPage implements ExceptionMapper<NotAdmitted> {
        @Override
        public Response toResponse(NotAdmitted refused) {
            return Html.page(403, "Invite only", "<h1>MCProspero is invite-only</h1>"
                    + "<p>Your sign-in worked, but your email address is not invited yet, so no account was created.</p>"
                    + "<p>Ask someone who uses MCProspero to invite you (they can do it from Claude with <em>invite_member</em>), "
                    + "or ask the operator of this server to add your address to the allowlist. Then connect again.</p>");
        }
    }

    @Provider
    public static class AccountDisabledPage implements ExceptionMapper<AccountDisabled> {
        @Override
        public Response toResponse(AccountDisabled refused) {
            return Html.errorPage(403, "Account disabled", refused.getMessage());
        }
    }

    @Provider
    public static class IdentityLinkConflictPage implements ExceptionMapper<IdentityLinkConflict> {
        @Override
        public Response toResponse(IdentityLinkConflict refused) {
            return Html.errorPage(403, "This account belongs to another sign-in", refused.getMessage());
        }
    }

    @Provider
    public static class UpstreamRefusedPage implements ExceptionMapper<UpstreamRefused> {
        @Override
        public Response toResponse(UpstreamRefused refused) {
            return Html.errorPage(401, "Sign-in did not succeed", refused.getMessage() + ". Start again from your MCP client.");
        }
    }

    @Provider
    public static class UpstreamUnavailablePage implements ExceptionMapper<UpstreamUnavailable> {
        private static final Logger LOG = Logger.getLogger(UpstreamUnavailablePage.class.getName());

        @Override
        public Response toResponse(UpstreamUnavailable down) {
            LOG.log(Level.WARNING, down.getMessage() + ": " + down.getCause());
            return Response.fromResponse(Html.errorPage(503, "Sign-in is unavailable",
                    "The sign-in provider cannot be reached right now, so nobody can sign in. Try again in a few minutes; "
                            + "if it persists, tell the operator of this server.")).header("Retry-After", "60").build();
        }
    }
}
