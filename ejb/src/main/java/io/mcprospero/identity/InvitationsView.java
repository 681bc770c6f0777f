package io.mcprospero.identity;

/** What the invitations page of a sign-in needs: the request, its form's CSRF token, and the signed-in person. */
public record InvitationsView(String requestId, String csrfToken, String userId) {
}
