package fr.creneau.backend.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.ProblemMappers;
import fr.creneau.model.json.JsonMappable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a POST at most once per (account, Idempotency-Key). The key is claimed by inserting its row first, in the
 * same transaction as the work: a concurrent retry blocks on the unique index until the first commits, then
 * replays it; if the first rolls back (a 409, say), the key was never consumed and the retry runs for real.
 */
@ApplicationScoped
public class IdempotencyService {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    IdempotencyRepository records;

    @Inject
    ObjectMapper mapper;

    /** What the work answered: its status and body. */
    public record Outcome(int status, JsonMappable body) {
    }

    /**
     * @param key     the header value, or null to run the work in a plain transaction
     * @param request a name of the operation and its canonical body, e.g. "POST /api/appointments" and the DTO
     */
    public Uni<Response> run(long accountId, String key, String operation, JsonMappable request,
                             Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return Panache.withTransaction(work).map(this::fresh);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "invalid_key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(operation, request);
        return Panache.withTransaction(() -> records.findKey(accountId, key).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(replay(existing, hash));
                    }
                    IdempotencyRecord claim = new IdempotencyRecord();
                    claim.accountId = accountId;
                    claim.key = key;
                    claim.requestHash = hash;
                    claim.responseStatus = 0;
                    claim.responseBody = "";
                    return records.persistAndFlush(claim)
                            .chain(work::get)
                            .chain(outcome -> {
                                claim.responseStatus = outcome.status();
                                claim.responseBody = json(outcome.body());
                                return records.flush().map(v -> fresh(outcome.status(), claim.responseBody));
                            });
                }))
                .onFailure(e -> "23505".equals(ProblemMappers.sqlState(e)))
                .recoverWithUni(e -> Panache.withSession(() -> records.findKey(accountId, key))
                        .map(winner -> {
                            if (winner == null) {
                                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                            }
                            return replay(winner, hash);
                        }));
    }

    private Response replay(IdempotencyRecord record, String hash) {
        if (!record.requestHash.equals(hash)) {
            throw ProblemException.unprocessable("idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request");
        }
        return Response.status(record.responseStatus).type(MediaType.APPLICATION_JSON)
                .entity(record.responseBody).header(REPLAYED, "true").build();
    }

    private Response fresh(Outcome outcome) {
        return fresh(outcome.status(), json(outcome.body()));
    }

    private static Response fresh(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private String json(JsonMappable body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the operation and the request as its DTO reads it, keys sorted: formatting does not matter. */
    String hash(String operation, JsonMappable request) {
        try {
            String canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(request.toMap());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
