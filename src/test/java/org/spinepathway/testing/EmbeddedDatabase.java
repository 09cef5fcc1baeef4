package org.spinepathway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: no apt, no Docker, runs as
 * root). Each test class takes a database of its own, so tests own their data and run in any order.
 * The server can be stopped and started again on the same port and data, to test outages.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** Owns every test database and migrates it, as a clinic's schema owner would. */
    public static final String OWNER = "clinic_owner";
    /** What the application connects as: no owner, so it can neither change the audit trail nor disable its triggers. */
    public static final String APPLICATION = "clinic_app";
    public static final String ROLE_PASSWORD = "clinic-role-pass";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedDatabase instance;

    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    private EmbeddedDatabase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The JVM's server, started on first use. */
    public static synchronized EmbeddedDatabase get() {
        if (instance == null) {
            try {
                Path tmp = Path.of(System.getProperty("build.tmpdir", System.getProperty("java.io.tmpdir")));
                Files.createDirectories(tmp);
                instance = new EmbeddedDatabase(Files.createTempDirectory(tmp, "postgres-"));
                instance.start();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    /**
     * Creates an empty database owned by {@link #OWNER} (which migrates it), for the application to
     * use as {@link #APPLICATION} with only the privileges the migrations grant it; returns its JDBC URL.
     */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid()).toLowerCase();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String role : List.of(OWNER, APPLICATION)) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " CREATE ROLE " + role + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'; END IF; END $$");
            }
            statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Connections as the database's owner (to migrate it). */
    public DataSource ownerDataSource(String jdbcUrl) {
        return dataSource(jdbcUrl, OWNER, ROLE_PASSWORD);
    }

    /** Connections as the application's role. */
    public DataSource applicationDataSource(String jdbcUrl) {
        return dataSource(jdbcUrl, APPLICATION, ROLE_PASSWORD);
    }

    private static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Connections as the server's superuser, for tests that look at or change anything directly. */
    public DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** Starts the server, on the port it had before if it ran already. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDirectory.getParent().toFile());
        if (port != 0) {
            builder.setPort(port);
        }
        server = builder.start();
        port = server.getPort();
    }

    /** Stops the server; connections break as in a real outage. Data stays on disk. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }
}
