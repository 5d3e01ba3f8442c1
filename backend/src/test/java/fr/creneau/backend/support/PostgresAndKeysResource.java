package fr.creneau.backend.support;

import fr.creneau.backend.platform.EmbeddedDatabase;
import fr.creneau.backend.platform.SigningKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/** The tests' real PostgreSQL (embedded binaries) and signing keys, started once for the whole run. */
public class PostgresAndKeysResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        // DB_URL (with DB_USER, DB_PASSWORD) points the tests at an external PostgreSQL, as it does the run command
        String external = System.getenv("DB_URL");
        String url = external != null ? external : EmbeddedDatabase.start(null);
        String user = external != null ? System.getenv().getOrDefault("DB_USER", "postgres") : "postgres";
        String password = external != null ? System.getenv().getOrDefault("DB_PASSWORD", "postgres") : "postgres";
        SigningKeys.Locations keys = SigningKeys.generate(Path.of("target", "test-keys"));
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "smallrye.jwt.sign.key.location", keys.privateKey().toAbsolutePath().toString(),
                "mp.jwt.verify.publickey.location", keys.publicKey().toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        EmbeddedDatabase.stop();
    }
}
