package io.mcprospero.persistence.support;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant}s in {@code TIMESTAMP WITH TIME ZONE} columns as UTC {@link OffsetDateTime}s, a
 * type JPA maps natively (EclipseLink reads it with {@code getObject(column, OffsetDateTime.class)}), so
 * the same mapping works on H2 and PostgreSQL, nulls included.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
