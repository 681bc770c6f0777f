package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.identity.SignInFlow;
import io.mcprospero.identity.Welcome;
import io.mcprospero.identity.WelcomeView;
import io.mcprospero.support.RandomTokens;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The first-sign-in interstitial (and again whenever the terms version changes): name, time zone (the
 * browser's, preselected by a nonce-marked script) and acceptance of the terms.
 */
@BrowserPage
@Path("/welcome")
@RequestScoped
public class WelcomeResource {

    private SignInFlow flow;

    protected WelcomeResource() {
        // for the CDI proxy
    }

    @Inject
    public WelcomeResource(SignInFlow flow) {
        this.flow = flow;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        WelcomeView view = flow.welcomeView(requestId, FlowCookie.read(headers, requestId));
        return page(view, view.name(), view.timeZone(), null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("name") String name, @FormParam("time_zone") String timeZone,
                           @FormParam("accept_terms") String acceptTerms, @Context HttpHeaders headers) {
        String browserSecret = FlowCookie.read(headers, requestId);
        try {
            return FlowResponses.redirect(flow.welcomed(requestId, browserSecret, csrf,
                    new Welcome(name, timeZone, "yes".equals(acceptTerms))));
        } catch (InvalidInput wrong) {
            return page(flow.welcomeView(requestId, browserSecret), name, timeZone, wrong.getMessage(), 400);
        }
    }

    private static Response page(WelcomeView view, String name, String timeZone, String error, int status) {
        String nonce = RandomTokens.next();
        boolean zoneKnown = timeZone != null && Welcome.TIME_ZONES.contains(timeZone);
        StringBuilder options = new StringBuilder();
        for (String zone : Welcome.TIME_ZONES) {
            boolean selected = zoneKnown ? zone.equals(timeZone) : "UTC".equals(zone);
            options.append("<option").append(selected ? " selected" : "").append('>').append(Html.escape(zone)).append("</option>");
        }
        String body = "<h1>" + (view.firstTime() ? "Welcome to MCProspero" : "Our terms have changed") + "</h1>"
                + "<p class=\"muted\">" + (view.firstTime()
                        ? "Before your first agent: tell us your name and time zone, and accept the terms."
                        : "Please read and accept the current terms to go on.") + "</p>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>")
                + "<form method=\"post\" action=\"/welcome\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + Html.escape(view.requestId()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(view.csrfToken()) + "\">"
                + "<label for=\"name\">Your name</label>"
                + "<input id=\"name\" name=\"name\" autocomplete=\"name\" required maxlength=\"200\" value=\"" + Html.escape(name) + "\">"
                + "<label for=\"time_zone\">Time zone (schedules run in it)</label>"
                + "<select id=\"time_zone\" name=\"time_zone\"" + (zoneKnown ? "" : " data-from-browser") + ">" + options + "</select>"
                + "<p class=\"check\"><input id=\"accept_terms\" name=\"accept_terms\" type=\"checkbox\" value=\"yes\" required>"
                + "<label for=\"accept_terms\">I accept the <a href=\"" + Html.escape(view.termsUrl()) + "\" target=\"_blank\" rel=\"noopener\">"
                + "terms of service</a> (version " + Html.escape(view.termsVersion()) + ").</label></p>"
                + "<button type=\"submit\">Continue</button></form>"
                + "<script nonce=\"" + nonce + "\">"
                + "(function(){var s=document.getElementById('time_zone');if(!s.hasAttribute('data-from-browser'))return;"
                + "try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;"
                + "for(var i=0;i<s.options.length;i++){if(s.options[i].value===z){s.selectedIndex=i;break;}}}catch(e){}})();"
                + "</script>";
        return Html.page(status, "Welcome", body, nonce);
    }
}
