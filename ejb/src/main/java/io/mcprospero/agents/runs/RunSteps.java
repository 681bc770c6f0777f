package io.mcprospero.agents.runs;

import io.mcprospero.agents.AgentSettings;
import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Agents;
import io.mcprospero.agents.UnitPrices;
import io.mcprospero.agents.toolbox.AgentNotes;
import io.mcprospero.agents.toolbox.Availability;
import io.mcprospero.agents.toolbox.AgentTool;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.agents.toolbox.AgentToolbox;
import io.mcprospero.llm.ModelFailure;
import io.mcprospero.llm.ModelReply;
import io.mcprospero.llm.ModelRequest;
import io.mcprospero.llm.ModelTool;
import io.mcprospero.llm.StopReason;
import io.mcprospero.llm.ToolUseBlock;
import io.mcprospero.observability.LogContext;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.persistence.agents.AgentStatus;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunStopped;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.mcprospero.support.Jsons;
import io.mcprospero.support.Transactions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The steps of a run as the application performs them, each idempotent for its run and turn: what a step already
 * did is read back from the run's record and transcript instead of done again. The model call happens outside any
 * transaction; its cost is held against the org's budget before and settled after.
 */
@ApplicationScoped
public class RunSteps {

    private static final Logger LOG = Logger.getLogger(RunSteps.class.getName());
    static final int MAX_TOKENS = 1024;

    private EntityManager entityManager;
    private Transactions transactions;
    private Agents agents;
    private Transcripts transcripts;
    private AgentNotes notes;
    private AgentToolbox toolbox;
    private Budgets budgets;
    private UnitPrices prices;
    private ModelProvider models;
    private AgentSettings settings;
    private RunTracing tracing;
    private Clock clock;

    protected RunSteps() {
        // for the CDI proxy
    }

    @Inject
    public RunSteps(EntityManager entityManager, Transactions transactions, Agents agents, Transcripts transcripts, AgentNotes notes,
                    AgentToolbox toolbox, Budgets budgets, UnitPrices prices, ModelProvider models, AgentSettings settings,
                    RunTracing tracing, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.agents = agents;
        this.transcripts = transcripts;
        this.notes = notes;
        this.toolbox = toolbox;
        this.budgets = budgets;
        this.prices = prices;
        this.models = models;
        this.settings = settings;
        this.tracing = tracing;
        this.clock = clock;
    }

    /** The run's record, with what its version says. */
    private record Loaded(AgentRun run, Agent agent, AgentSpec spec, Transcript transcript) {
    }

    public RunStart begin(RunRequest request) {
        return transactions.inOne(() -> {
            AgentRun existing = entityManager.find(AgentRun.class, request.runId());
            if (existing != null) {
                AgentSpec spec = Agents.specOf(agents.version(existing.agentId(), existing.agentVersion()));
                return new RunStart(AgentRun.RUNNING.equals(existing.status()), existing.status(), spec.limits().maxTurns());
            }
            Agent agent = entityManager.find(Agent.class, request.agentId());
            if (agent == null) {
                return new RunStart(false, "the agent was deleted", 0);
            }
            if (agent.approvedVersion() == null || agent.status() == AgentStatus.PENDING_APPROVAL) {
                return new RunStart(false, "the agent waits for the person's approval", 0);
            }
            if (agent.status() == AgentStatus.PAUSED && !"run_now".equals(request.trigger())) {
                return new RunStart(false, "the agent is paused", 0);
            }
            AgentSpec spec = Agents.specOf(agents.version(agent.id(), agent.approvedVersion()));
            SpanContext span = tracing.openRun(request.traceparent(), agent.id(), request.runId(), request.trigger());
            AgentRun run = new AgentRun(request.runId(), agent.id(), agent.orgId(), agent.approvedVersion(), request.trigger(),
                    span.isValid() ? span.getTraceId() : null, span.isValid() ? span.getSpanId() : null, clock.instant());
            entityManager.persist(run);
            String model = spec.model() == null ? settings.defaultModel() : spec.model();
            transcripts.save(agent.orgId(), run.id(), Transcript.start(model, system(agent, spec), task(request)));
            log(run, "run started (" + request.trigger() + ", version " + run.agentVersion() + ")");
            return new RunStart(true, null, spec.limits().maxTurns());
        });
    }

    public Thought think(String runId, int turn) {
        Loaded loaded = load(runId);
        return tracing.inSpan(loaded.run(), "agent.step think", span -> span.setAttribute("mcprospero.run.turn", turn),
                () -> think(loaded, runId, turn));
    }

    private Thought think(Loaded loaded, String runId, int turn) {
        Transcript transcript = loaded.transcript();
        if (transcript.turnsTaken() > turn) {
            return thoughtOf(transcript, turn);
        }
        AgentSpec spec = loaded.spec();
        AgentRun run = loaded.run();
        if (Duration.between(run.startedAt(), clock.instant()).compareTo(Duration.ofMinutes(spec.limits().maxMinutes())) > 0) {
            throw new RunStopped("the run passed its limit of " + spec.limits().maxMinutes() + " minutes");
        }
        if (run.units() >= spec.limits().maxUnits()) {
            throw new RunStopped("the run used its limit of " + spec.limits().maxUnits() + " units");
        }
        for (String name : spec.tools()) {
            // switched off on the platform, or disconnected, since the person approved the agent
            Availability availability = toolbox.tool(name).map(tool -> tool.availability(run.orgId()))
                    .orElse(Availability.not("the platform no longer has it", "update the agent without it"));
            if (!availability.usable()) {
                throw new RunStopped(availability.explain(name) + "; the run stops before its next model turn");
            }
        }
        String model = transcript.model();
        long inputEstimate = (transcript.toJson().toString().length() / 3) + 500;
        long hold = Math.min(Math.max(1, spec.limits().maxUnits() - run.units()), prices.unitsOf(model, inputEstimate, MAX_TOKENS));
        Budgets.Reservation reservation = budgets.reserve(runId + "/turn-" + turn, run.orgId(), hold);
        if (reservation == null) {
            throw new RunStopped("the org's daily budget of " + budgets.dailyOf(run.orgId()) + " units is spent ("
                    + budgets.leftToday(run.orgId()) + " left, a turn needs up to " + hold + "); the run stops. It resets at "
                    + "midnight UTC, or a platform admin can raise it");
        }
        ModelReply reply;
        Instant started = clock.instant();
        Span chat = tracing.child("chat " + model);
        chat.setAttribute("gen_ai.operation.name", "chat");
        chat.setAttribute("gen_ai.system", models.model().provider());
        chat.setAttribute("gen_ai.request.model", model);
        chat.setAttribute("gen_ai.request.max_tokens", MAX_TOKENS);
        try (Scope ignored = chat.makeCurrent()) {
            reply = models.model().complete(new ModelRequest(model, transcript.system(), ModelMessages.of(transcript.messages()),
                    tools(spec), MAX_TOKENS));
            chat.setAttribute("gen_ai.response.model", reply.model() == null ? model : reply.model());
            chat.setAttribute("gen_ai.usage.input_tokens", reply.inputTokens());
            chat.setAttribute("gen_ai.usage.output_tokens", reply.outputTokens());
            chat.setAttribute("gen_ai.response.finish_reasons", reply.stopReason().name().toLowerCase(Locale.ROOT));
        } catch (ModelFailure failure) {
            chat.setStatus(StatusCode.ERROR, failure.kind().name());
            budgets.settle(reservation, 0);
            log(run, "model call failed: " + failure.kind());
            if (failure.retryable()) {
                throw new IllegalStateException(failure.reason());
            }
            throw new RunStopped(failure.reason());
        } catch (RuntimeException broken) {
            chat.setStatus(StatusCode.ERROR, broken.getClass().getSimpleName());
            budgets.settle(reservation, 0);
            throw broken;
        } finally {
            chat.end();
        }
        long units = prices.unitsOf(reply.model() == null ? model : reply.model(), reply.inputTokens(), reply.outputTokens());
        budgets.settle(reservation, units);
        Span.current().setAttribute("mcprospero.units", units);
        JsonObject record = Jsons.object()
                .add("turn", turn)
                .add("at", started.toString())
                .add("ms", Duration.between(started, clock.instant()).toMillis())
                .add("model", reply.model() == null ? model : reply.model())
                .add("input_tokens", reply.inputTokens())
                .add("output_tokens", reply.outputTokens())
                .add("units", units)
                .add("stop", reply.stopReason().name().toLowerCase(Locale.ROOT))
                .build();
        Transcript next = transcript.withTurn(ModelMessages.json(reply.content()), record);
        transactions.inOne(() -> {
            AgentRun current = entityManager.find(AgentRun.class, runId);
            current.turnTaken(units);
            transcripts.save(current.orgId(), runId, next);
            return null;
        });
        log(run, "model turn " + turn + ": " + reply.inputTokens() + " in, " + reply.outputTokens() + " out, " + units + " units");
        boolean asksTools = reply.stopReason() == StopReason.TOOL_USE && reply.content().stream().anyMatch(ToolUseBlock.class::isInstance);
        return asksTools ? thoughtOf(next, turn) : new Thought(true, List.of());
    }

    public void act(String runId, int turn, String callId) {
        Loaded loaded = load(runId);
        tracing.inSpan(loaded.run(), "agent.step act", span -> span.setAttribute("mcprospero.run.turn", turn), () -> {
            act(loaded, runId, turn, callId);
            return null;
        });
    }

    private void act(Loaded loaded, String runId, int turn, String callId) {
        Transcript transcript = loaded.transcript();
        if (transcript.hasResult(callId)) {
            return;
        }
        JsonObject use = transcript.toolUse(turn, callId).orElseThrow(() -> new RunStopped("turn " + turn + " asked for no call " + callId));
        String name = use.getString("name");
        Instant started = clock.instant();
        String result;
        boolean error = false;
        String stop = null;
        Availability availability = toolbox.tool(name).map(tool -> tool.availability(loaded.run().orgId())).orElse(Availability.USABLE);
        if (!loaded.spec().tools().contains(name) || toolbox.tool(name).isEmpty()) {
            // the model asked for a tool the person did not approve (an instruction in untrusted content, say): refused, recorded
            error = true;
            result = "The tool '" + name + "' is not in this agent's approved manifest; it may use only: "
                    + (loaded.spec().tools().isEmpty() ? "no tools" : String.join(", ", loaded.spec().tools())) + ".";
        } else if (!availability.usable()) {
            error = true;
            result = availability.explain(name);
            stop = result;
        } else {
            AgentTool tool = toolbox.tool(name).get();
            if (tool.sends() && transcript.startedWithoutResult(callId)) {
                error = true;
                result = "This call was begun before the server was interrupted, and whether it was sent is unknown; it was not made "
                        + "again, so that nothing is sent twice. Do not repeat it unless you can tell it did not arrive.";
            } else {
                if (tool.sends()) {
                    Transcript begun = transcript.withStarted(callId);
                    transactions.inOne(() -> {
                        transcripts.save(loaded.run().orgId(), runId, begun);
                        return null;
                    });
                    transcript = begun;
                }
                Span execute = tracing.child("execute_tool " + name);
                execute.setAttribute("gen_ai.operation.name", "execute_tool");
                execute.setAttribute("gen_ai.tool.name", name);
                execute.setAttribute("gen_ai.tool.call.id", callId);
                try (Scope ignored = execute.makeCurrent()) {
                    result = tool.call(new AgentToolCall(loaded.run().orgId(), loaded.agent().id(), runId, callId, use.getJsonObject("input"),
                            loaded.spec()));
                } catch (AgentToolError refused) {
                    error = true;
                    result = refused.getMessage();
                    stop = refused.stopsRun() ? refused.getMessage() : null;
                    execute.setStatus(StatusCode.ERROR, "tool error");
                } finally {
                    execute.end();
                }
            }
        }
        JsonObject record = Jsons.object()
                .add("id", callId)
                .add("turn", turn)
                .add("name", name)
                .add("at", started.toString())
                .add("ms", Duration.between(started, clock.instant()).toMillis())
                .add("error", error)
                .build();
        Transcript next = transcript.withToolResult(callId, result, error, record);
        transactions.inOne(() -> {
            AgentRun current = entityManager.find(AgentRun.class, runId);
            current.toolCalled();
            transcripts.save(current.orgId(), runId, next);
            return null;
        });
        log(loaded.run(), "tool " + name + (error ? " refused or failed" : " done"));
        if (stop != null) {
            throw new RunStopped(stop);
        }
    }

    public RunSummary finish(String runId, String status, String reason) {
        return transactions.inOne(() -> {
            AgentRun run = entityManager.find(AgentRun.class, runId);
            if (run == null) {
                return new RunSummary(runId, "skipped", reason);
            }
            if (run.finish(status, reason, clock.instant())) {
                log(run, "run " + status + (reason == null ? "" : ": " + reason));
            }
            return new RunSummary(runId, run.status(), run.reason());
        });
    }

    private Loaded load(String runId) {
        return transactions.inOne(() -> {
            AgentRun run = entityManager.find(AgentRun.class, runId);
            if (run == null) {
                throw new RunStopped("the run " + runId + " has no record");
            }
            if (!AgentRun.RUNNING.equals(run.status())) {
                throw new RunStopped("the run has ended (" + run.status() + ")");
            }
            Agent agent = entityManager.find(Agent.class, run.agentId());
            if (agent == null) {
                throw new RunStopped("the agent was deleted");
            }
            AgentSpec spec = Agents.specOf(agents.version(run.agentId(), run.agentVersion()));
            Transcript transcript = transcripts.of(run.orgId(), runId).orElseThrow(() -> new RunStopped("the run's transcript is missing"));
            return new Loaded(run, agent, spec, transcript);
        });
    }

    private static Thought thoughtOf(Transcript transcript, int turn) {
        List<String> ids = transcript.toolUsesOf(turn).stream().map(block -> block.getString("id")).toList();
        return new Thought(ids.isEmpty(), ids);
    }

    private List<ModelTool> tools(AgentSpec spec) {
        return spec.tools().stream().map(name -> toolbox.tool(name).orElseThrow())
                .map(tool -> new ModelTool(tool.name(), tool.description(), tool.inputSchema().toString())).toList();
    }

    private String system(Agent agent, AgentSpec spec) {
        Org org = entityManager.find(Org.class, agent.orgId());
        List<String> kept = notes.of(agent.orgId(), agent.id());
        StringBuilder system = new StringBuilder()
                .append("You are \"").append(agent.name()).append("\", an agent that runs on its own for ")
                .append(org.isPersonal() ? "one person" : "the org " + org.name())
                .append(". Nobody reads along while you run: do the task with your tools, then end with a short summary of what you did.")
                .append(" Use only the tools you are given.\n\n# Instructions\n").append(spec.instructions());
        if (spec.delivery() != null) {
            system.append("\n\n# Where results go\n").append(spec.delivery());
        }
        if (spec.tools().contains("http_fetch")) {
            system.append("\n\n# Hosts http_fetch may reach\n").append(String.join(", ", spec.allowedHosts()));
        }
        if (!kept.isEmpty()) {
            system.append("\n\n# Your notes from earlier runs\n");
            kept.forEach(note -> system.append("- ").append(note).append('\n'));
        }
        return system.toString();
    }

    private String task(RunRequest request) {
        String task = "Run started by " + request.trigger() + " at " + clock.instant() + ".";
        if (request.input() != null && !request.input().isEmpty()) {
            task += "\n\nThe request that started it carried this input:\n" + Transcript.truncated(request.input());
        }
        return task;
    }

    private static void log(AgentRun run, String what) {
        LogContext.put(LogContext.ORG_ID, run.orgId());
        LogContext.put(LogContext.AGENT_ID, run.agentId());
        LogContext.put(LogContext.RUN_ID, run.id());
        LOG.info(() -> "agent run: " + what);
    }
}
