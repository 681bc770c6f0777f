package io.mcprospero.agents.runs;

import io.mcprospero.persistence.agents.AgentRun;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One trace per run. The run's span is opened when the run begins (a child of the asking tool call's span for
 * run_now, else a new trace) and its ids are kept on the run's record; every later step (a Temporal activity, maybe
 * on another instance, maybe after a crash) opens its span as a child of it, and the model call and tool calls
 * inside a step are children of the step's. Attributes follow the GenAI semantic conventions; none carries a
 * prompt, completion, tool input or output.
 */
@ApplicationScoped
public class RunTracing {

    private Tracer tracer;

    protected RunTracing() {
        // for the CDI proxy
    }

    @Inject
    public RunTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The run's own span, under {@code traceparent} (W3C) when given; answers its context (ended at once: the steps carry the time). */
    public SpanContext openRun(String traceparent, String agentId, String runId, String trigger) {
        SpanBuilder builder = tracer.spanBuilder("agent.run").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("mcprospero.agent_id", agentId)
                .setAttribute("mcprospero.run_id", runId)
                .setAttribute("mcprospero.run.trigger", trigger);
        SpanContext parent = parse(traceparent);
        builder = parent == null ? builder.setNoParent() : builder.setParent(Context.root().with(Span.wrap(parent)));
        Span span = builder.startSpan();
        span.end();
        return span.getSpanContext();
    }

    /** Runs {@code work} in a span named {@code name}, a child of the run's span; {@code attributes} may add to it. */
    public <T> T inSpan(AgentRun run, String name, Consumer<Span> attributes, Supplier<T> work) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("mcprospero.org_id", run.orgId())
                .setAttribute("mcprospero.agent_id", run.agentId())
                .setAttribute("mcprospero.run_id", run.id());
        SpanContext parent = run.traceId() == null || run.spanId() == null ? null
                : SpanContext.createFromRemoteParent(run.traceId(), run.spanId(), TraceFlags.getSampled(), TraceState.getDefault());
        if (parent != null && parent.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        }
        Span span = builder.startSpan();
        attributes.accept(span);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException failed) {
            span.setStatus(StatusCode.ERROR, failed.getClass().getSimpleName());
            throw failed;
        } finally {
            span.end();
        }
    }

    /** A child of the current span (inside {@link #inSpan}), for a model or tool call within a step. */
    public Span child(String name) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT).startSpan();
    }

    private static SpanContext parse(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        if (parts.length != 4) {
            return null;
        }
        SpanContext context = SpanContext.createFromRemoteParent(parts[1], parts[2], TraceFlags.getSampled(), TraceState.getDefault());
        return context.isValid() ? context : null;
    }

    /** The current span as a W3C traceparent, or null outside any valid span. */
    public static String currentTraceparent() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? "00-" + current.getTraceId() + "-" + current.getSpanId() + "-01" : null;
    }
}
