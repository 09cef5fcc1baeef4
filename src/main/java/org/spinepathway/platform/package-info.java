/**
 * What every feature stands on: the PostgreSQL datasource, the Flyway schema migration that runs
 * before anything touches the database, the injected clock, health checks and error pages.
 */
package org.spinepathway.platform;
