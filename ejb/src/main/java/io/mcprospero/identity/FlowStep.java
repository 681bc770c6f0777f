package io.mcprospero.identity;

/** Where the browser goes next in a sign-in: the welcome page, the invitations page, the consent page, or back to the client. */
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
}
