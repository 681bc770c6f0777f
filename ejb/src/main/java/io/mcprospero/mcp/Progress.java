package io.mcprospero.mcp;

/**
 * What a long tool reports while it runs, and whether the client has gone: with a progressToken the reports become
 * notifications/progress on the request's own stream, and the client closing that stream cancels the call.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void report(double done, Double total, String message) {
            // no progressToken: nobody listens
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Progress so far (increasing), out of total when known, with a short message for the person. */
    void report(double done, Double total, String message);

    /** Whether the client has closed the request's stream: stop at the next safe point. */
    boolean cancelled();
}
