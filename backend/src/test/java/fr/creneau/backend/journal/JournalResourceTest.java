package fr.creneau.backend.journal;

import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static fr.creneau.backend.messaging.PracticeWorld.renewal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class JournalResourceTest {
    @Inject
    Fixtures fx;

    PracticeWorld w;

    @BeforeEach
    void world() {
        w = new PracticeWorld(fx);
    }

    private String journal() {
        return "/api/practices/" + w.practiceId + "/journal";
    }

    /** A few entries: a request written, read by the practitioner and by the admin. */
    private long someActivity() {
        long id = w.request(w.patient.patientId(), renewal());
        as(w.practitioner).get("/api/requests/" + id).then().statusCode(200);
        as(w.admin).get("/api/requests/" + id).then().statusCode(200);
        return id;
    }

    private long entryId(String action, long objectId) {
        return fx.queryLong("SELECT id FROM access_journal WHERE practice_id = ? AND action = ? AND object_id = ?",
                w.practiceId, action, objectId);
    }

    @Test
    void theAdminReadsTheJournalAndTheReadingIsJournaled() {
        long id = someActivity();
        as(w.admin).header("X-Forwarded-For", "198.51.100.4").get(journal()).then().statusCode(200)
                .body("action", equalTo(List.of("REQUEST_READ", "REQUEST_READ", "REQUEST_CREATE")))
                .body("objectId[0]", equalTo((int) id))
                .body("objectType[0]", equalTo("PatientRequest"))
                .body("role", equalTo(List.of("PRACTICE_ADMIN", "PRACTITIONER", "PATIENT")))
                .body("accountId[2]", equalTo((int) w.patient.accountId()))
                .body("hash[0]", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("prevHash[2]", equalTo(JournalHashRuleTest.GENESIS));
        as(w.admin).queryParam("limit", 1).get(journal()).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("action[0]", equalTo("JOURNAL_READ")).body("clientIp[0]", equalTo("198.51.100.4"))
                .body("accountId[0]", equalTo((int) w.admin.accountId()));
        as(w.admin).queryParam("limit", 0).get(journal()).then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theJournalIsTheAdminsOnly() {
        someActivity();
        for (Actor a : List.of(w.practitioner, w.secretary, w.grantedSecretary, w.patient)) {
            as(a).get(journal()).then().statusCode(403).contentType("application/problem+json");
            as(a).get(journal() + "/verify").then().statusCode(403);
        }
        as(w.foreignAdmin).get(journal()).then().statusCode(404).contentType("application/problem+json");
        as(w.foreignAdmin).get(journal() + "/verify").then().statusCode(404);
        given().get(journal()).then().statusCode(401);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ? AND action LIKE 'JOURNAL%'", w.practiceId))
                .as("refused readings read nothing").isZero();
    }

    @Test
    void anIntactChainVerifies() {
        someActivity();
        as(w.admin).get(journal() + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(3)).body("firstBrokenId", nullValue());
        // the verification was journaled, and the chain still holds with it
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo(4));
    }

    @Test
    void anEditedEntryIsDetected() {
        long id = someActivity();
        long read = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ? AND action = 'REQUEST_READ'", w.practiceId);
        assertThat(fx.tamperJournal("UPDATE access_journal SET account_id = ? WHERE id = ?", w.secretary.accountId(), read)).isEqualTo(1);
        as(w.admin).get(journal() + "/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) read)).body("checked", equalTo(2));
        assertThat(entryId("REQUEST_CREATE", id)).isLessThan(read);
    }

    @Test
    void anEditThatRecomputesTheEntrysOwnHashBreaksTheNextLink() {
        someActivity();
        long first = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ?", w.practiceId);
        long second = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ? AND id > ?", w.practiceId, first);
        fx.tamperJournal("UPDATE access_journal SET hash = repeat('a', 64) WHERE id = ?", first);
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) first));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aDeletedEntryIsDetected() {
        someActivity();
        long first = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ?", w.practiceId);
        long second = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ? AND id > ?", w.practiceId, first);
        fx.tamperJournal("DELETE FROM access_journal WHERE id = ?", first);
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) second));
    }

    @Test
    void aDeletedTailIsDetected() {
        someActivity();
        long last = fx.queryLong("SELECT max(id) FROM access_journal WHERE practice_id = ?", w.practiceId);
        fx.tamperJournal("DELETE FROM access_journal WHERE id = ?", last);
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(false)).body("checked", equalTo(2));
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        someActivity();
        long any = fx.queryLong("SELECT min(id) FROM access_journal WHERE practice_id = ?", w.practiceId);
        assertThatThrownBy(() -> fx.update("UPDATE access_journal SET detail = 'x' WHERE id = ?", any)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> fx.update("DELETE FROM access_journal WHERE id = ?", any)).hasMessageContaining("append-only");
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true));
    }

    private static final String PEND = "INSERT INTO journal_pending (practice_id, at, account_id, role, action, object_type)"
            + " VALUES (?, now(), ?, 'PRACTICE_ADMIN', 'JOURNAL_READ', 'Journal')";

    private long entries() {
        return fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ?", w.practiceId);
    }

    @Test
    void anEntryIsChainedWhenItsTransactionCommitsNotBefore() {
        someActivity();
        long before = entries();
        fx.transaction(true, c -> {
            Fixtures.update(c, PEND, w.practiceId, w.admin.accountId());
            assertThat(Fixtures.queryLong(c, "SELECT count(*) FROM access_journal WHERE practice_id = ?", w.practiceId))
                    .isEqualTo(before);
        });
        assertThat(entries()).isEqualTo(before + 1);
        assertThat(fx.queryLong("SELECT count(*) FROM journal_pending WHERE practice_id = ?", w.practiceId)).isZero();
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo((int) before + 1));
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndNoGap() {
        someActivity();
        long before = entries();
        fx.transaction(false, c -> Fixtures.update(c, PEND, w.practiceId, w.admin.accountId()));
        assertThat(entries()).isEqualTo(before);
        assertThat(fx.queryLong("SELECT count(*) FROM journal_pending WHERE practice_id = ?", w.practiceId)).isZero();
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo((int) before));
    }

    @Test
    void severalEntriesOfOneTransactionChainInTheirOrder() {
        someActivity();
        long before = entries();
        fx.transaction(true, c -> {
            for (int i = 0; i < 3; i++) {
                Fixtures.update(c, PEND.replace("'Journal')", "'Journal' || ?)"), w.practiceId, w.admin.accountId(), i);
            }
        });
        assertThat(fx.queryString("SELECT string_agg(object_type, ',' ORDER BY id) FROM (SELECT * FROM access_journal"
                + " WHERE practice_id = ? ORDER BY id DESC LIMIT 3) x", w.practiceId)).isEqualTo("Journal0,Journal1,Journal2");
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo((int) before + 3));
    }

    @Test
    void concurrentAppendsKeepOneChain() throws Exception {
        long id = w.request(w.patient.patientId(), renewal());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Actor reader = i % 2 == 0 ? w.practitioner : w.admin;
                reads.add(pool.submit(() -> as(reader).get("/api/requests/" + id).then().extract().statusCode()));
            }
            for (Future<Integer> f : reads) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo(25));
        // no two entries claim the same predecessor: the appends were serialised (the verification added one more)
        assertThat(fx.queryLong("SELECT count(DISTINCT prev_hash) FROM access_journal WHERE practice_id = ?", w.practiceId))
                .isEqualTo(fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ?", w.practiceId)).isEqualTo(26);
    }

    @Test
    void verificationsDuringAppendsSeeOneWholeChain() throws Exception {
        long id = w.request(w.patient.patientId(), renewal());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            List<Future<io.restassured.response.Response>> verifications = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Actor reader = i % 2 == 0 ? w.practitioner : w.admin;
                reads.add(pool.submit(() -> as(reader).get("/api/requests/" + id).then().extract().statusCode()));
                if (i % 6 == 0) {
                    verifications.add(pool.submit(() -> as(w.admin).get(journal() + "/verify").then().extract().response()));
                }
            }
            for (Future<Integer> f : reads) {
                assertThat(f.get()).isEqualTo(200);
            }
            // each verification walked the entries appended while it ran (pages of 3 in tests) and matched the head
            for (Future<io.restassured.response.Response> f : verifications) {
                io.restassured.response.Response r = f.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.jsonPath().getBoolean("valid")).as(r.asString()).isTrue();
                assertThat(r.jsonPath().getLong("checked")).isBetween(1L, 36L);
            }
        } finally {
            pool.shutdownNow();
        }
        // 1 request + 30 reads + 5 verifications, all in one chain
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true)).body("checked", equalTo(36));
    }

    @Test
    void verificationsRunningTogetherAllAnswer() throws Exception {
        // each verification journals itself once checked: under a shared lock on the head, two of them deadlocked
        someActivity();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<io.restassured.response.Response>> verifications = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                verifications.add(pool.submit(() -> as(w.admin).get(journal() + "/verify").then().extract().response()));
            }
            for (Future<io.restassured.response.Response> f : verifications) {
                io.restassured.response.Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                assertThat(r.jsonPath().getBoolean("valid")).as(r.asString()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        as(w.admin).get(journal() + "/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aBrokenLinkOnALaterPageIsFound() {
        someActivity();
        for (int i = 0; i < 7; i++) {
            as(w.admin).get(journal()).then().statusCode(200);
        }
        long seventh = fx.queryLong("SELECT id FROM access_journal WHERE practice_id = ? ORDER BY id OFFSET 6 LIMIT 1",
                w.practiceId); // on the third page of 3
        fx.tamperJournal("UPDATE access_journal SET detail = 'changed' WHERE id = ?", seventh);
        as(w.admin).get(journal() + "/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) seventh)).body("checked", equalTo(7));
    }

    @Test
    void chainsArePerPractice() {
        someActivity();
        PracticeWorld other = new PracticeWorld(fx);
        other.request(other.patient.patientId(), renewal());
        as(other.admin).get("/api/practices/" + other.practiceId + "/journal").then()
                .body("size()", equalTo(1)).body("prevHash", hasItem(JournalHashRuleTest.GENESIS));
    }
}
