package io.mcprospero.web.identity;

import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.web.Html;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The local sign-in page: email and the server's access code. */
final class SignInPage {

    private SignInPage() {
    }

    static Response render(AuthorizationRequest request, String email, String error, int status, NewCookie cookie) {
        String body = "<h1>Sign in to MCProspero</h1>"
                + "<p class=\"muted\">" + (request.returnTo() == null ? "An application wants to connect to MCProspero on your behalf."
                        : "Sign in to review the agent that waits for your approval.") + "</p>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>")
                + "<form method=\"post\" action=\"/oauth/sign-in\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + Html.escape(request.id()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(request.csrfToken()) + "\">"
                + "<label for=\"email\">Email</label>"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required value=\"" + Html.escape(email) + "\">"
                + "<label for=\"access_code\">Access code</label>"
                + "<input id=\"access_code\" name=\"access_code\" type=\"password\" autocomplete=\"off\" required>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">The access code is printed in the server's log when it starts, unless it was set "
                + "with mcprospero.identity.local.access-code.</p>";
        Response page = Html.page(status, "Sign in", body);
        return cookie == null ? page : Response.fromResponse(page).cookie(cookie).build();
    }
}
