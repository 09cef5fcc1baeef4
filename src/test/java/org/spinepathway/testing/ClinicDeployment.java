package org.spinepathway.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR exactly as the build packaged it, pointed at a fresh database of the test JVM's
 * embedded PostgreSQL. Whole-WAR deployments test what ships, not a hand-picked list of classes.
 */
public final class ClinicDeployment {

    /** The first administrator of every container test; the username comes from config/test.properties. */
    public static final String ADMIN_USERNAME = "testadmin";
    public static final String ADMIN_PASSWORD = "Test-admin-password-1";

    private static final ArchivePath CONFIG = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private ClinicDeployment() {
    }

    /** The packaged WAR on a new, empty database whose name starts with {@code databasePrefix}. */
    public static WebArchive onNewDatabase(String databasePrefix) {
        return onDatabase(EmbeddedDatabase.get().createDatabase(databasePrefix));
    }

    public static WebArchive onDatabase(String jdbcUrl) {
        return onDatabase(jdbcUrl, java.util.Map.of());
    }

    /** As {@link #onDatabase(String)}, with more configuration for this deployment (keys config/test.properties does not set). */
    public static WebArchive onDatabase(String jdbcUrl, java.util.Map<String, String> settings) {
        File war = new File(System.getProperty("spinepathway.war", "target/spine-pathway.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: container tests run after 'package' (./mvnw verify)");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "spine-pathway.war").importFrom(war).as(WebArchive.class);
        String packaged = read(archive);
        String overrides = "\n# Test overrides\n"
                + "clinic.db.url=" + jdbcUrl + "\n"
                // Migrated by the database's owner; the application connects with least privilege.
                + "clinic.db.user=" + EmbeddedDatabase.APPLICATION + "\n"
                + "clinic.db.password=" + EmbeddedDatabase.ROLE_PASSWORD + "\n"
                + "clinic.db.migration-user=" + EmbeddedDatabase.OWNER + "\n"
                + "clinic.db.migration-password=" + EmbeddedDatabase.ROLE_PASSWORD + "\n"
                + "clinic.db.migration-retry-seconds=1\n"
                + "clinic.bootstrap.admin.password=" + ADMIN_PASSWORD + "\n"
                // Every test signs in from 127.0.0.1, many with wrong passwords on purpose: the limit on refused
                // passwords is out of reach unless a deployment's settings (after these lines) set it.
                + "clinic.security.rate-limit.failures-per-address-per-minute=1000000\n"
                + "clinic.security.rate-limit.failures-overall-per-minute=1000000\n"
                + "clinic.security.rate-limit.registrations-per-address-per-hour=1000000\n"
                + "clinic.security.rate-limit.registrations-overall-per-hour=1000000\n"
                + "clinic.security.rate-limit.password-resets-per-address-per-hour=1000000\n"
                + "clinic.security.rate-limit.password-resets-overall-per-hour=1000000\n"
                // Tests sign staff in on pages and call the API with HTTP Basic as any role; the tests of the
                // second factor (SecondFactorBrowserIT) set the production roles again.
                + "clinic.security.mfa-roles=none\n";
        StringBuilder extra = new StringBuilder();
        settings.forEach((key, value) -> extra.append(key).append('=').append(value).append('\n'));
        overrides += extra;
        archive.delete(CONFIG);
        archive.add(new StringAsset(packaged + overrides), CONFIG);
        return archive;
    }

    private static String read(WebArchive archive) {
        try (InputStream in = archive.get(CONFIG).getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
