package io.mcprospero.identity;

/**
 * Where the browser goes next in a sign-in: the welcome page, the invitations page, the consent page, back to the
 * client, or (a sign-in for one of MCProspero's own pages) back to that page, signed in.
 */
public sealed interface FlowStep {

    record Welcome(String requestId) implements FlowStep {
    }

    /** The person has invitations waiting: they may accept them now (or later with accept_invitation). */
    record Invitations(String requestId) implements FlowStep {
    }

    record Consent(String requestId) implements FlowStep {
    }

    /** Back to the client's redirect URI, with the code (or an error) attached. */
    record BackToClient(String redirect) implements FlowStep {
    }

    /** Back to the page on this server that asked for the sign-in ({@code url}, absolute), with a new browser session. */
    record ReturnTo(String url, BrowserSessions.Opened session) implements FlowStep {
    }
}
