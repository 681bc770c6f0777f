package io.mcprospero.temporal.agents;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.ScheduleSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;

/**
 * Plays the stories whose histories the replay test keeps: one run (a tool call, then done) and one schedule (three
 * fires, a pause, a new schedule, two more fires), on Temporal's time-skipping test service with scripted steps.
 */
final class AgentWorkflowHistories {

    static final String QUEUE = "histories";
    static final String RUN_ID = "agent-1@1767261600000";
    static final String SCHEDULE_ID = "agent-agent-2";

    private AgentWorkflowHistories() {
    }

    static Worker worker(TestWorkflowEnvironment environment, ScriptedSteps steps) {
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(AgentRunWorkflowImpl.class, AgentScheduleWorkflowImpl.class);
        worker.registerActivitiesImplementations(new RunActivitiesImpl(steps));
        return worker;
    }

    /** One run to its end; answers its history as JSON. */
    static String run(TestWorkflowEnvironment environment) {
        AgentRunWorkflow run = environment.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(RUN_ID).setTaskQueue(QUEUE).build());
        run.run(new RunRequest("agent-1", RUN_ID, "schedule", null, null));
        return environment.getWorkflowClient().fetchHistory(RUN_ID).toJson(true);
    }

    /** A schedule's life as far as the story goes (it is still running); answers its history as JSON. */
    static String schedule(TestWorkflowEnvironment environment) {
        WorkflowClient client = environment.getWorkflowClient();
        AgentScheduleWorkflow schedule = client.newWorkflowStub(AgentScheduleWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(SCHEDULE_ID).setTaskQueue(QUEUE).build());
        ScheduleSpec everyMinute = new ScheduleSpec(null, "PT1M", "Europe/Berlin");
        WorkflowClient.start(schedule::run, new ScheduleState("agent-2", everyMinute, false));
        environment.sleep(Duration.ofSeconds(190));
        schedule.pause();
        environment.sleep(Duration.ofMinutes(3));
        schedule.update(new ScheduleSpec("*/2 * * * *", null, "America/New_York"));
        environment.sleep(Duration.ofMinutes(5));
        schedule.state();
        return client.fetchHistory(SCHEDULE_ID).toJson(true);
    }
}
