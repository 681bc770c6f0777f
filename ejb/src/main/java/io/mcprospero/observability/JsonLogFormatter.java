package io.mcprospero.observability;

import io.mcprospero.support.Jsons;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line: time, level, logger, message, the ids of {@link LogContext} and the
 * current trace and span ids, so that a line can be found from a trace and the other way round. A line stays short
 * enough to read: the message is cut at {@link #MAX_MESSAGE} characters, and an exception is its type and message
 * with the first {@link #FRAMES} frames of each cause, not the whole trace.
 */
public final class JsonLogFormatter extends Formatter {

    static final int MAX_MESSAGE = 2000;
    static final int FRAMES = 6;
    private static final int MAX_CAUSES = 4;

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = Jsons.object()
                .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
                .add("message", cut(message(record), MAX_MESSAGE));
        for (Map.Entry<String, String> id : LogContext.current().entrySet()) {
            line.add(id.getKey(), id.getValue());
        }
        SpanContext span = currentSpan();
        if (span.isValid()) {
            line.add("trace_id", span.getTraceId()).add("span_id", span.getSpanId());
        }
        if (record.getThrown() != null) {
            line.add("exception", brief(record.getThrown()));
        }
        return line.build().toString() + System.lineSeparator();
    }

    /** Type, message and the top frames of the exception and of each cause: where it happened, in a few lines. */
    static String brief(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        Throwable current = thrown;
        for (int cause = 0; current != null && cause < MAX_CAUSES; cause++, current = current.getCause()) {
            out.append(cause == 0 ? "" : "\ncaused by: ").append(current.getClass().getName());
            if (current.getMessage() != null) {
                out.append(": ").append(cut(current.getMessage(), 300));
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > FRAMES) {
                out.append("\n\t... ").append(frames.length - FRAMES).append(" more");
            }
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }

    private String message(LogRecord record) {
        try {
            return formatMessage(record);
        } catch (RuntimeException e) {
            return String.valueOf(record.getMessage());
        }
    }

    private static SpanContext currentSpan() {
        try {
            return Span.current().getSpanContext();
        } catch (LinkageError noTelemetry) {
            return SpanContext.getInvalid();
        }
    }
}
