package io.mcprospero.web.identity;

import io.mcprospero.identity.TermsSettings;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A placeholder terms page; operators point mcprospero.terms.url at their own terms. */
@Path("/terms")
@RequestScoped
public class TermsResource {

    private TermsSettings terms;

    protected TermsResource() {
        // for the CDI proxy
    }

    @Inject
    public TermsResource(TermsSettings terms) {
        this.terms = terms;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        return Html.page(200, "Terms of service", "<h1>Terms of service</h1><p>Version " + Html.escape(terms.version()) + ".</p>"
                + "<p>The operator of this MCProspero server has not published its own terms here. Agents act with the access "
                + "you give them; you are responsible for what you ask them to do. Ask the operator for the terms that apply.</p>");
    }
}
