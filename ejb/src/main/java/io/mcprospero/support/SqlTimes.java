package io.mcprospero.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants in and out of native queries: drivers hand a TIMESTAMP WITH TIME ZONE back as Timestamp or OffsetDateTime. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The column's instant; null for SQL NULL. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(value.toString());
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
