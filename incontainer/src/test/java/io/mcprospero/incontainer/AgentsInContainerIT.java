package io.mcprospero.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.agents.runs.Budgets;
import io.mcprospero.agents.runs.RunStarter;
import io.mcprospero.agents.toolbox.AgentNotes;
import io.mcprospero.authz.Caller;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runtime.WorkflowEngine;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BooleanSupplier;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents inside the running application (Payara Micro, PostgreSQL, the in-process Temporal service), through its own
 * beans: a run's steps, which Temporal's activities hand to the container's managed executor, see CDI, JPA and JTA;
 * the workers start with the application, and when the engine starts again, empty, the active agents' schedules are
 * given back from the database; the budget's conditional update lets racing reservations of one org spend no more
 * than the budget. The model is the real anthropic-java client against a stand-in of the Messages API.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsInContainerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Agents agents;
    @Inject
    RunStarter runStarter;
    @Inject
    AgentRuns runs;
    @Inject
    AgentNotes notes;
    @Inject
    Budgets budgets;
    @Inject
    WorkflowEngine engine;
    @Inject
    People people;

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.withTests(AgentsInContainerIT.class, People.class, StepWitness.class, MessagesStandIn.class);
    }

    private static JsonObject json(String text) {
        return Jsons.reader(new StringReader(text)).readObject();
    }

    private AgentState activeAgent(Caller caller, String name, String arguments) {
        AgentState created = agents.create(caller, name, json(arguments));
        return agents.approve(caller, created.agent().id(), created.version().number());
    }

    @Test
    @Order(1)
    void aRunsStepsRunOnTheContainersManagedThreadsWithCdiJpaAndTransactions() throws Exception {
        MessagesStandIn model = MessagesStandIn.running();
        StepWitness witness = StepWitness.attach();
        try {
            Caller owner = people.newPerson("steps");
            AgentState agent = activeAgent(owner, "Digest", "{\"instructions\":\"Summarise and remember that you did.\",\"tools\":[\"remember\"]}");
            String runId = UUID.randomUUID().toString();

            runStarter.start(new RunRequest(agent.agent().id(), runId, "run_now", null, null));

            awaitUntil(() -> !AgentRun.RUNNING.equals(runs.get(owner, runId).run().status()));
            AgentRuns.RunWithTranscript done = runs.get(owner, runId);
            assertThat(done.run().status()).as(String.valueOf(done.run().reason())).isEqualTo("completed");
            assertThat(done.run().turns()).isEqualTo(2);
            assertThat(done.run().toolCalls()).isEqualTo(1);
            assertThat(done.run().units()).as("tokens in and out at Haiku's price").isEqualTo(120 + 30 + 200 + 10);
            assertThat(done.transcript()).hasValueSatisfying(transcript -> assertThat(transcript.lastText()).isEqualTo(MessagesStandIn.FINAL_TEXT));
            assertThat(notes.of(owner.orgId(), agent.agent().id())).as("remember wrote through JPA in its step").contains(MessagesStandIn.NOTE);
            assertThat(model.requests()).filteredOn(body -> body.contains("Summarise and remember")).hasSize(2);
            assertThat(model.apiKeys()).containsOnly("sk-ant-stand-in");

            List<StepWitness.Seen> steps = witness.of(runId);
            assertThat(steps).extracting(StepWitness.Seen::message).anyMatch(line -> line.contains("model turn 0"))
                    .anyMatch(line -> line.contains("tool remember done")).anyMatch(line -> line.contains("model turn 1"))
                    .anyMatch(line -> line.contains("run completed"));
            // begin ran in this test's own call (RunStarter records the run in the caller's transaction), on the HTTP
            // request thread that Arquillian's runner serves: the witness tells the two kinds of thread apart
            assertThat(steps).filteredOn(line -> line.message().contains("run started")).singleElement()
                    .satisfies(line -> assertThat(line.managedThread()).isFalse())
                    .satisfies(line -> assertThat(line.requestContext()).isTrue());
            // the rest are the workflow's activities, each handed by Temporal's activity thread to the managed executor
            List<StepWitness.Seen> activities = steps.stream().filter(line -> !line.message().contains("run started")).toList();
            assertThat(activities).isNotEmpty().allSatisfy(line -> {
                assertThat(line.managedThread()).as("a managed thread: " + line).isTrue();
                assertThat(line.thread()).as("not Temporal's own thread").doesNotContain("Activity Executor").doesNotContain("workflow");
                assertThat(line.componentJndi()).as("the application's JNDI names: " + line).isTrue();
                assertThat(line.applicationContext()).as("CDI's application context: " + line).isTrue();
                assertThat(line.requestContext()).as("no request context: a step answers no request: " + line).isFalse();
            });
            assertThat(activities).filteredOn(line -> line.message().contains("run completed"))
                    .allSatisfy(line -> assertThat(line.inTransaction()).as("finish records the end in a JTA transaction").isTrue());
        } finally {
            witness.close();
        }
    }

    @Test
    @Order(2)
    void theWorkersStartWithTheApplicationAndAnEmptyEngineGetsTheActiveAgentsSchedulesBack() throws Exception {
        MessagesStandIn.running();
        assertThat(engine.description()).isEqualTo("in-process");
        assertThat(engine.isServing()).as("the workers started with the application").isTrue();
        Caller owner = people.newPerson("schedules");
        AgentState scheduled = activeAgent(owner, "Every five seconds", "{\"instructions\":\"Summarise and remember that you did.\","
                + "\"tools\":[\"remember\"],\"schedule\":{\"interval\":\"PT5S\",\"timezone\":\"Europe/Berlin\"}}");
        AgentState paused = activeAgent(owner, "Paused", "{\"instructions\":\"Do the thing.\",\"tools\":[\"remember\"],"
                + "\"schedule\":{\"interval\":\"PT5S\",\"timezone\":\"UTC\"}}");
        agents.pause(owner, paused.agent().id());
        String scheduledId = scheduled.agent().id();
        awaitUntil(() -> engine.agents().isScheduled(scheduledId));

        // the in-process service keeps nothing: stopped and started, the engine is empty until the schedules are given back
        engine.stop();
        assertThat(engine.isServing()).isFalse();
        Instant restarted = Instant.now();
        engine.start();

        assertThat(engine.isServing()).isTrue();
        assertThat(engine.agents().isScheduled(scheduledId)).as("the active agent's schedule workflow runs again").isTrue();
        assertThat(engine.agents().isScheduled(paused.agent().id())).as("a paused agent gets no schedule").isFalse();
        awaitUntil(() -> runs.latest(owner, scheduledId, 20).stream()
                .anyMatch(run -> run.startedAt().isAfter(restarted) && "schedule".equals(run.trigger()) && "completed".equals(run.status())));
        agents.pause(owner, scheduledId);
    }

    @Test
    @Order(3)
    void racingReservationsOfOneOrgNeverSpendPastItsBudget() throws Exception {
        ManagedThreadFactory threads = (ManagedThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        // the first reservation of an org's day also creates its usage row: two racing for it, five times over
        for (int round = 0; round < 5; round++) {
            Caller owner = people.newPerson("budget-first");
            budgets.setDaily(owner.orgId(), 1_000);
            List<Budgets.Reservation> held = race(threads, 2, () -> budgets.reserve(UUID.randomUUID().toString(), owner.orgId(), 600));
            assertThat(held).as("round " + round + ": one of two 600-unit holds fits a 1,000-unit budget").hasSize(1);
            assertThat(budgets.usedToday(owner.orgId())).isEqualTo(600);
        }
        // then eight at once on a day already begun, ten times: 1,000 units hold three of 300, never a fourth
        Caller owner = people.newPerson("budget-eight");
        budgets.setDaily(owner.orgId(), 1_000);
        budgets.settle(Objects.requireNonNull(budgets.reserve(UUID.randomUUID().toString(), owner.orgId(), 1)), 0);
        for (int round = 0; round < 10; round++) {
            List<Budgets.Reservation> held = race(threads, 8, () -> budgets.reserve(UUID.randomUUID().toString(), owner.orgId(), 300));
            assertThat(held).as("round " + round).hasSize(3);
            assertThat(budgets.usedToday(owner.orgId())).isEqualTo(900);
            held.forEach(reservation -> budgets.settle(reservation, 0));
            assertThat(budgets.usedToday(owner.orgId())).isZero();
        }
    }

    /** {@code racers} managed threads released at once, each making one call; the holds they got. Fails on any exception. */
    private static List<Budgets.Reservation> race(ManagedThreadFactory threads, int racers, java.util.function.Supplier<Budgets.Reservation> call)
            throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(racers);
        ConcurrentLinkedQueue<Budgets.Reservation> held = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Thread racer = threads.newThread(() -> {
                try {
                    start.await();
                    Budgets.Reservation reservation = call.get();
                    if (reservation != null) {
                        held.add(reservation);
                    }
                } catch (Throwable e) {
                    failed.add(e);
                }
            });
            racer.start();
            started.add(racer);
        }
        for (Thread racer : started) {
            racer.join(PATIENCE.toMillis());
        }
        assertThat(failed).as("no reservation failed").isEmpty();
        return List.copyOf(held);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + PATIENCE).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
