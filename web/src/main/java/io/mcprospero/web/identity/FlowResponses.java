package io.mcprospero.web.identity;

import io.mcprospero.identity.FlowStep;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** Turns the sign-in flow's next step into the browser's next request (303 See Other: the next step is a GET). */
final class FlowResponses {

    private FlowResponses() {
    }

    static Response redirect(FlowStep step) {
        URI next;
        if (step instanceof FlowStep.Welcome welcome) {
            next = UriBuilder.fromPath("/welcome").queryParam("request", welcome.requestId()).build();
        } else if (step instanceof FlowStep.Invitations invitations) {
            next = UriBuilder.fromPath("/oauth/invitations").queryParam("request", invitations.requestId()).build();
        } else if (step instanceof FlowStep.Consent consent) {
            next = UriBuilder.fromPath("/oauth/consent").queryParam("request", consent.requestId()).build();
        } else if (step instanceof FlowStep.ReturnTo back) {
            // the session cookie is Secure exactly when the page it is for is served over https
            return Response.seeOther(URI.create(back.url())).cookie(SessionCookie.issue(back.session(), back.url().startsWith("https:")))
                    .header("Cache-Control", "no-store").build();
        } else {
            next = URI.create(((FlowStep.BackToClient) step).redirect());
        }
        return Response.seeOther(next).header("Cache-Control", "no-store").build();
    }
}
