package io.mcprospero.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an agent's schedule fires next: a five-field Unix cron expression read in an IANA time zone (so "0 8 * * 1-5"
 * in Europe/Berlin is 8:00 local time on both sides of a DST change), or a fixed interval. Pure and deterministic:
 * the schedule workflow calls it with the workflow's clock.
 */
public final class FireTimes {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime cron;
    private final Duration interval;
    private final ZoneId zone;

    private FireTimes(ExecutionTime cron, Duration interval, ZoneId zone) {
        this.cron = cron;
        this.interval = interval;
        this.zone = zone;
    }

    /**
     * A schedule from its parts: exactly one of {@code cron} and {@code interval} (ISO-8601, e.g. PT15M) is set.
     * Throws {@link IllegalArgumentException} with a message for the person when a part is wrong.
     */
    public static FireTimes of(String cron, String interval, String zone) {
        ZoneId zoneId = zone(zone);
        if ((cron == null) == (interval == null)) {
            throw new IllegalArgumentException("give either cron (e.g. \"0 8 * * 1-5\") or interval (e.g. \"PT1H\"), not both or neither");
        }
        if (cron != null) {
            return new FireTimes(ExecutionTime.forCron(parse(cron)), null, zoneId);
        }
        return new FireTimes(null, interval(interval), zoneId);
    }

    /** The first fire time strictly after {@code after}; empty for a cron expression that never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        if (interval != null) {
            return Optional.of(after.plus(interval));
        }
        return cron.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /** How many times a day it fires, at most (for the manifest); intervals and crons alike, over the next week. */
    public double firesPerDay(Instant from) {
        if (interval != null) {
            return Duration.ofDays(1).toMillis() / (double) interval.toMillis();
        }
        Instant end = from.plus(Duration.ofDays(7));
        int count = 0;
        Optional<Instant> next = nextAfter(from);
        while (next.isPresent() && next.get().isBefore(end) && count < 7 * 24 * 60 + 1) {
            count++;
            next = nextAfter(next.get());
        }
        return count / 7.0;
    }

    private static Cron parse(String expression) {
        try {
            Cron parsed = UNIX.parse(expression.strip());
            parsed.validate();
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cron expression '" + expression.strip() + "' is not valid (" + e.getMessage()
                    + "); use five fields: minute hour day-of-month month day-of-week, e.g. \"0 8 * * 1-5\" for 8:00 on weekdays");
        }
    }

    private static Duration interval(String interval) {
        try {
            Duration parsed = Duration.parse(interval.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("the interval must be positive, e.g. \"PT1H\"");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the interval '" + interval.strip() + "' is not an ISO-8601 duration; use e.g. \"PT15M\" or \"PT1H\"");
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("a schedule needs a time zone, an IANA name such as \"Europe/Berlin\" or \"UTC\"");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone.strip() + "'; use an IANA name such as \"Europe/Berlin\", "
                    + "\"America/New_York\" or \"UTC\"");
        }
    }
}
