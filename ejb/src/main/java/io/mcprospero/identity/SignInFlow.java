package io.mcprospero.identity;

import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.UnsafeRedirect;
import io.mcprospero.persistence.identity.Consent;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The browser's way from a proven identity to the client's redirect: provisioning, then the welcome page
 * while the current terms are not accepted, then, once per sign-in, the invitations waiting for the person, then the
 * consent page until the person has allowed this client, then the authorization code. A sign-in for one of MCProspero's
 * own pages (the approval page) has no client: after the invitations it returns to that page with a browser session.
 * Each step re-reads the stored request, bound to the browser that started it; each form is checked against the
 * request's CSRF token.
 */
@ApplicationScoped
public class SignInFlow {

    private AuthorizationRequests requests;
    private UserProvisioning provisioning;
    private Transactions transactions;
    private EntityManager entityManager;
    private TermsSettings terms;
    private BrowserSessions sessions;
    private Clock clock;

    protected SignInFlow() {
        // for the CDI proxy
    }

    @Inject
    public SignInFlow(AuthorizationRequests requests, UserProvisioning provisioning, Transactions transactions,
                      EntityManager entityManager, TermsSettings terms, BrowserSessions sessions, Clock clock) {
        this.requests = requests;
        this.provisioning = provisioning;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.terms = terms;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The identity provider vouched for this person: provision them (or refuse) and go on. */
    public FlowStep signedIn(String requestId, String browserSecret, SignedInPerson person) {
        requests.bound(requestId, browserSecret);
        User user = provisioning.signedIn(person);
        requests.authenticated(requestId, browserSecret, user.id());
        return transactions.inOne(() -> next(requestId, browserSecret));
    }

    @Transactional
    public WelcomeView welcomeView(String requestId, String browserSecret) {
        AuthorizationRequest request = requests.bound(requestId, browserSecret);
        User user = signedInUser(request);
        return new WelcomeView(request.id(), request.csrfToken(), user.displayName(), user.timeZone(), terms.version(),
                terms.url(), user.termsVersion() == null);
    }

    @Transactional
    public FlowStep welcomed(String requestId, String browserSecret, String csrfToken, Welcome answers) {
        AuthorizationRequest request = requests.boundForm(requestId, browserSecret, csrfToken);
        User user = signedInUser(request);
        answers.validate();
        user.welcomed(answers.name(), answers.timeZone(), terms.version(), clock.instant());
        return next(requestId, browserSecret);
    }

    /** The invitations page of a request, checked like every step: whose invitations to show, and the form's CSRF token. */
    @Transactional
    public InvitationsView invitationsView(String requestId, String browserSecret) {
        AuthorizationRequest request = requests.bound(requestId, browserSecret);
        return new InvitationsView(request.id(), request.csrfToken(), signedInUser(request).id());
    }

    /**
     * The invitations form was posted (its CSRF token checked): the invitations are not offered again in this sign-in.
     * Returns the signed-in person's id, for accepting the ones they chose.
     */
    @Transactional
    public String invitationsAnswered(String requestId, String browserSecret, String csrfToken) {
        AuthorizationRequest request = requests.boundForm(requestId, browserSecret, csrfToken);
        request.invitationsOffered();
        return signedInUser(request).id();
    }

    /** After the invitations: on to consent or the code. */
    @Transactional
    public FlowStep afterInvitations(String requestId, String browserSecret) {
        return next(requestId, browserSecret);
    }

    @Transactional
    public ConsentView consentView(String requestId, String browserSecret) {
        AuthorizationRequest request = forClient(requests.bound(requestId, browserSecret));
        signedInUser(request);
        OAuthClient client = requests.clientOf(request);
        String name = client.clientName() == null || client.clientName().isBlank() ? null : client.clientName();
        return new ConsentView(request.id(), request.csrfToken(), name, client.clientId(), ConsentView.destinationOf(request.redirectUri()));
    }

    @Transactional
    public FlowStep consented(String requestId, String browserSecret, String csrfToken, boolean allowed) {
        AuthorizationRequest request = forClient(requests.boundForm(requestId, browserSecret, csrfToken));
        User user = signedInUser(request);
        if (!allowed) {
            return new FlowStep.BackToClient(requests.deny(request.id()));
        }
        if (consentOf(user, request).isEmpty()) {
            entityManager.persist(new Consent(user.id(), request.clientId(), request.scope(), clock.instant()));
        }
        return next(requestId, browserSecret);
    }

    /** Welcome while the current terms are not accepted, then consent, then the code (or back to MCProspero's page). */
    private FlowStep next(String requestId, String browserSecret) {
        AuthorizationRequest request = requests.bound(requestId, browserSecret);
        User user = signedInUser(request);
        if (user.needsWelcome(terms.version())) {
            return new FlowStep.Welcome(request.id());
        }
        if (!request.hasOfferedInvitations() && hasInvitations(user)) {
            return new FlowStep.Invitations(request.id());
        }
        if (request.returnTo() != null) {
            return new FlowStep.ReturnTo(requests.returned(request.id(), user.id()), sessions.open(user.id()));
        }
        if (consentOf(user, request).isEmpty()) {
            return new FlowStep.Consent(request.id());
        }
        return new FlowStep.BackToClient(requests.approve(request.id(), user.id()));
    }

    /** Consent is about an OAuth client: a sign-in for MCProspero's own page has none to consent to. */
    private static AuthorizationRequest forClient(AuthorizationRequest request) {
        if (request.returnTo() != null) {
            throw new UnsafeRedirect("this sign-in is for a page of MCProspero and asks no consent; open that page's link again");
        }
        return request;
    }

    private User signedInUser(AuthorizationRequest request) {
        if (!request.isAuthenticated()) {
            throw new UnsafeRedirect("sign in first: start again from your MCP client");
        }
        User user = entityManager.find(User.class, request.userId());
        if (user == null || !user.isActive()) {
            throw new AccountDisabled();
        }
        return user;
    }

    private boolean hasInvitations(User user) {
        return entityManager.createNamedQuery(Invitation.COUNT_FOR_EMAIL, Long.class).setParameter("email", user.email())
                .getSingleResult() > 0;
    }

    private java.util.Optional<Consent> consentOf(User user, AuthorizationRequest request) {
        return entityManager.createNamedQuery(Consent.OF_USER_FOR_CLIENT, Consent.class)
                .setParameter("userId", user.id())
                .setParameter("clientId", request.clientId())
                .getResultStream()
                .findFirst();
    }
}
