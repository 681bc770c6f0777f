package io.mcprospero.migrations;

/** Where a migration run left the schema: its version (null for an empty schema) and how many scripts it ran. */
public record MigrationOutcome(String schemaVersion, int migrationsApplied) {
}
