package fr.creneau.backend.journal;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's journal hash ({@code journal_entry_hash}) against the rule as documented in its migration,
 * computed here independently: chains written before the rule moved into the database (by the backend, in Java)
 * must still verify, and no two different entries may hash alike by shifting text between fields.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class JournalHashRuleTest {
    private static final String HASH = "SELECT journal_entry_hash(?::bigint, ?::bigint, ?::timestamptz, ?::bigint, ?::text,"
            + " ?::text, ?::text, ?::bigint, ?::text, ?::text, ?::text)";

    /** The predecessor named by a chain's first entry. */
    static final String GENESIS = "0".repeat(64);

    @Inject
    Fixtures fx;

    private final Instant at = Instant.parse("2026-12-07T08:15:30.123456Z");

    private String inDatabase(Object... fields) {
        Object[] args = fields.clone();
        args[2] = args[2] == null ? null : OffsetDateTime.ofInstant((Instant) args[2], ZoneOffset.UTC);
        return fx.queryString(HASH, args);
    }

    /** The documented rule: each field as "length:text;" (UTF-16 units) or "-;", the time in microseconds. */
    private static String expected(Object... fields) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            Object v = i == 2 && fields[i] != null
                    ? java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) fields[i]) : fields[i];
            if (v == null) {
                text.append("-;");
            } else {
                String s = v.toString();
                text.append(s.length()).append(':').append(s).append(';');
            }
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    @Test
    void aChainStartsAfterSixtyFourZeros() {
        assertThat(fx.queryString("SELECT journal_genesis()")).isEqualTo(GENESIS);
    }

    @Test
    void everyFieldCountsAsTheRuleSays() throws Exception {
        Object[] entry = {4711L, 12L, at, 99L, "SECRETARY", "REQUEST_READ", "PatientRequest", 31L,
                "motif: « douleur » ; x|y 1:2;", "10.0.0.7", "ab".repeat(32)};
        assertThat(inDatabase(entry)).isEqualTo(expected(entry)).matches("[0-9a-f]{64}");
    }

    @Test
    void absentFieldsAreMarkedNotEmpty() throws Exception {
        Object[] absent = {4712L, 12L, at, null, null, "JOURNAL_READ", "Journal", null, null, null, GENESIS};
        Object[] empty = {4712L, 12L, at, null, "", "JOURNAL_READ", "Journal", null, "", "", GENESIS};
        assertThat(inDatabase(absent)).isEqualTo(expected(absent));
        assertThat(inDatabase(empty)).isEqualTo(expected(empty)).isNotEqualTo(inDatabase(absent));
    }

    @Test
    void charactersBeyondTheBasicPlaneCountAsTwoUnits() throws Exception {
        Object[] entry = {4713L, 12L, at, 5L, "PATIENT", "REQUEST_CREATE", "PatientRequest", 8L,
                "emoji \uD83D\uDE00 and \uD835\uDD38, accents éà", "\uD83D\uDE00", "cd".repeat(32)};
        assertThat(inDatabase(entry)).isEqualTo(expected(entry));
    }

    @Test
    void textShiftedBetweenFieldsChangesTheHash() {
        String a = inDatabase(1L, 12L, at, 5L, "PATIENT", "AB", "C", 8L, "d", "e", GENESIS);
        String b = inDatabase(1L, 12L, at, 5L, "PATIENT", "A", "BC", 8L, "d", "e", GENESIS);
        String c = inDatabase(1L, 12L, at, 5L, "PATIENT", "A", "BC", 8L, "d", "e", GENESIS);
        assertThat(a).isNotEqualTo(b);
        assertThat(b).isEqualTo(c);
    }

    @Test
    void theTimeCountsToTheMicrosecond() {
        String one = inDatabase(1L, 12L, at, 5L, "PATIENT", "A", "B", 8L, "d", "e", GENESIS);
        String next = inDatabase(1L, 12L, at.plusNanos(1000), 5L, "PATIENT", "A", "B", 8L, "d", "e", GENESIS);
        assertThat(one).isNotEqualTo(next);
    }
}
