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
        } else {
            next = URI.create(((FlowStep.BackToClient) step).redirect());
        }
        return Response.seeOther(next).header("Cache-Control", "no-store").build();
    }
}
