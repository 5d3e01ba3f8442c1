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
        String url = EmbeddedDatabase.start(null);
        SigningKeys.Locations keys = SigningKeys.generate(Path.of("target", "test-keys"));
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "smallrye.jwt.sign.key.location", keys.privateKey().toAbsolutePath().toString(),
                "mp.jwt.verify.publickey.location", keys.publicKey().toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        EmbeddedDatabase.stop();
    }
}
