package io.mcprospero.observability;

import io.mcprospero.support.Jsons;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line: time, level, logger, message, the ids of {@link LogContext} and the
 * current trace and span ids, so that a line can be found from a trace and the other way round.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = Jsons.object()
                .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
                .add("message", message(record));
        for (Map.Entry<String, String> id : LogContext.current().entrySet()) {
            line.add(id.getKey(), id.getValue());
        }
        SpanContext span = currentSpan();
        if (span.isValid()) {
            line.add("trace_id", span.getTraceId()).add("span_id", span.getSpanId());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.add("exception", trace.toString());
        }
        return line.build().toString() + System.lineSeparator();
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
