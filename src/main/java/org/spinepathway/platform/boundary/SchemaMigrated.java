package org.spinepathway.platform.boundary;

/**
 * CDI event fired once the schema is up to date, so features can seed what they need (the first
 * administrator, for one) without racing the migration.
 */
public record SchemaMigrated(String schemaVersion) {
}
