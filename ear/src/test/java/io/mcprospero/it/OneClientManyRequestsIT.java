package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.CimdStandIn.Document;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every Claude user signs in and refreshes tokens through one client, Claude's metadata document, so requests for
 * one client arrive at the same moment all the time. Each test sends many at once and requires every one of them to
 * succeed; and a slow metadata document, whose URL anyone can put in an /authorize link, must not hold a database
 * connection while it is fetched.
 */
class OneClientManyRequestsIT {

    private static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final CimdStandIn standIn = CimdStandIn.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);
    private final ExecutorService pool = Executors.newFixedThreadPool(48);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void manyAuthorizationRequestsForOneRegisteredClientAllSucceed() throws Exception {
        LocalSignIn.Client client = signIn.register();

        List<Integer> statuses = all(40, i -> () -> signIn.authorize(
                signIn.authorizeParameters(client, LocalSignIn.verifier(), "s" + i)).statusCode());

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void manyPeopleRefreshingTheirTokensThroughOneClientAtOnceAllSucceed() throws Exception {
        LocalSignIn.Client client = signIn.register();
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String verifier = LocalSignIn.verifier();
            String code = signIn.codeFor(client, verifier, "many-" + i + "-" + UUID.randomUUID() + "@example.com");
            refreshTokens.add(Http.json(signIn.exchange(client, code, verifier)).getString("refresh_token"));
        }

        List<Integer> statuses = all(refreshTokens.size(), i -> () -> signIn.refresh(client, refreshTokens.get(i)).statusCode());

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void manyFirstRequestsForADocumentThatMayNotBeCachedAllSucceed() throws Exception {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, Document.json(document("https://claude.ai" + path), "no-store"));
        LocalSignIn.Client client = new LocalSignIn.Client("https://claude.ai" + path, CALLBACK);

        List<String> answers = all(20, i -> () -> {
            HttpResponse<String> response = signIn.authorize(signIn.authorizeParameters(client, LocalSignIn.verifier(), "s" + i));
            return response.statusCode() == 200 ? "200" : response.statusCode() + " " + response.body();
        });

        assertThat(answers).containsOnly("200");
        assertThat(standIn.hits(path)).as("no-store: each request fetches its own copy").isEqualTo(20);
    }

    /**
     * Forty sign-ins naming slow metadata documents (4 s each, within the fetch's 5 s limit) are in flight, more than
     * the 32 connections of the pool. Were a connection held during a fetch, the readiness check, which needs one, would
     * wait for the first fetches to end. (This passed before the fetch moved out of the transaction too: the reads
     * before it had taken no connection that stayed with the transaction. It guards the property, whatever the code
     * around the fetch comes to do.)
     */
    @Test
    void slowMetadataDocumentsHoldNoDatabaseConnection() throws Exception {
        List<LocalSignIn.Client> slow = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String path = "/oauth/slow-" + UUID.randomUUID();
            standIn.serveSlowly(path, Document.json(document("https://claude.ai" + path), "no-store"), Duration.ofSeconds(4));
            slow.add(new LocalSignIn.Client("https://claude.ai" + path, CALLBACK));
        }
        List<Future<Integer>> inFlight = new ArrayList<>();
        for (LocalSignIn.Client client : slow) {
            inFlight.add(pool.submit(() -> signIn.authorize(signIn.authorizeParameters(client, LocalSignIn.verifier(), "s")).statusCode()));
        }
        Thread.sleep(1_000);

        long start = System.nanoTime();
        HttpResponse<String> ready = Http.get(server.baseUrl() + "/health/ready");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(took).as("readiness, which takes a database connection, while the fetches are in flight").isLessThan(Duration.ofSeconds(2));
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> request : inFlight) {
            statuses.add(request.get());
        }
        assertThat(statuses).containsOnly(200);
    }

    /** Sends {@code count} requests at once and returns their answers, in order. */
    private <T> List<T> all(int count, IntFunction<Callable<T>> request) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(request.apply(i)));
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private static String document(String clientId) {
        return CimdStandIn.CLAUDE_METADATA.replace(CimdStandIn.CLAUDE_CLIENT_ID, clientId);
    }
}
