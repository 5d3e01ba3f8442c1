package fr.creneau.backend.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the backend. Outside the prod profile, and when no DB_URL is given, it first starts an embedded
 * PostgreSQL and makes a signing key pair, so that one command runs the whole demo on a fresh machine.
 */
@QuarkusMain
public class CreneauMain {
    public static void main(String... args) throws Exception {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (!"prod".equals(profile)) {
            if (System.getenv("DB_URL") == null && System.getProperty("DB_URL") == null) {
                String dataDir = System.getProperty("creneau.embedded.data-dir");
                System.setProperty("DB_URL", EmbeddedDatabase.start(dataDir == null ? null : Path.of(dataDir)));
            }
            if (System.getenv("JWT_PRIVATE_KEY_LOCATION") == null) {
                SigningKeys.Locations keys = SigningKeys.generate(Files.createTempDirectory("creneau-keys"));
                System.setProperty("JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
                System.setProperty("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
            }
        }
        Quarkus.run(args);
    }
}
