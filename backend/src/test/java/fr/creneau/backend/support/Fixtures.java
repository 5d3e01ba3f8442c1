package fr.creneau.backend.support;

import fr.creneau.backend.auth.Account;
import fr.creneau.backend.auth.TokenIssuer;
import fr.creneau.model.rules.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data written straight to the real database with SQL, so that a test sets up its world without going
 * through the API under test. Every name and email is unique, so tests never see each other's rows.
 */
@ApplicationScoped
public class Fixtures {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    public static final String PASSWORD = "correct-horse-battery";
    /** Fixture accounts can also log in through the API with PASSWORD. */
    public static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenIssuer tokens;

    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    /** A signed-in account: its ids and a valid access token. */
    public record Actor(long accountId, Role role, Long practiceId, Long practitionerId, Long patientId,
                        String email, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public long practice(String name, String timezone) {
        return insert("INSERT INTO practice (name, timezone, phone, emergency_number, reachable_hours, substitute,"
                        + " cancellation_cutoff_hours, min_notice_minutes, horizon_days)"
                        + " VALUES (?, ?, '+33140000000', '15', 'Mon-Fri 08:00-19:00', 'Dr Remplaçant', 24, 60, 90)",
                unique(name), timezone);
    }

    public void practiceRules(long practiceId, int cutoffHours, int minNoticeMinutes, int horizonDays) {
        update("UPDATE practice SET cancellation_cutoff_hours = ?, min_notice_minutes = ?, horizon_days = ? WHERE id = ?",
                cutoffHours, minNoticeMinutes, horizonDays, practiceId);
    }

    public long site(long practiceId) {
        return insert("INSERT INTO site (practice_id, name, address, phone) VALUES (?, ?, '12 rue des Tilleuls, 75011 Paris', '+33140000000')",
                practiceId, unique("Site"));
    }

    public long practitioner(long practiceId, String specialty) {
        return insert("INSERT INTO practitioner (practice_id, last_name, first_name, specialty) VALUES (?, ?, 'Test', ?)",
                practiceId, unique("Dr"), specialty);
    }

    public long motive(long practiceId, int durationMinutes, boolean bookableOnline, boolean urgencyReserve) {
        return insert("INSERT INTO motive (practice_id, label_fr, label_en, duration_minutes, bookable_online,"
                        + " urgency_reserve, preparation_fr, preparation_en) VALUES (?, ?, ?, ?, ?, ?, 'Apportez votre carte Vitale', 'Bring your Carte Vitale')",
                practiceId, unique("Consultation"), unique("Consultation"), durationMinutes, bookableOnline, urgencyReserve);
    }

    /** A weekly range, ISO day of week 1 = Monday. */
    public long weeklyRange(long practitionerId, long siteId, int dayOfWeek, String start, String end,
                            boolean urgencyReserve, int releaseMinutesBefore, long... motiveIds) {
        return insertRange(practitionerId, siteId, dayOfWeek, null, start, end, urgencyReserve, releaseMinutesBefore, motiveIds);
    }

    public long oneOffRange(long practitionerId, long siteId, LocalDate date, String start, String end, long... motiveIds) {
        return insertRange(practitionerId, siteId, null, date, start, end, false, 0, motiveIds);
    }

    /** Monday to Friday, 08:00-12:00 and 14:00-18:00. */
    public void workingWeek(long practitionerId, long siteId, long... motiveIds) {
        for (int day = 1; day <= 5; day++) {
            weeklyRange(practitionerId, siteId, day, "08:00", "12:00", false, 0, motiveIds);
            weeklyRange(practitionerId, siteId, day, "14:00", "18:00", false, 0, motiveIds);
        }
    }

    public long patient(String lastName, String firstName, LocalDate birthDate, String phone, Long holderId) {
        return insert("INSERT INTO patient (last_name, first_name, birth_date, phone, email, holder_id) VALUES (?, ?, ?, ?, ?, ?)",
                lastName, firstName, birthDate, phone, holderId == null ? unique("p") + "@example.org" : null, holderId);
    }

    public void knownTo(long practiceId, long patientId) {
        update("INSERT INTO practice_patient (practice_id, patient_id) VALUES (?, ?) ON CONFLICT DO NOTHING", practiceId, patientId);
    }

    public Actor patientAccount() {
        long patientId = patient(unique("Durand"), "Camille", LocalDate.of(1985, 4, 12), "+33612345678", null);
        return account(Role.PATIENT, null, null, patientId);
    }

    public Actor staff(Role role, long practiceId, Long practitionerId) {
        return account(role, practiceId, practitionerId, null);
    }

    public Actor account(Role role, Long practiceId, Long practitionerId, Long patientId) {
        String email = unique(role.name().toLowerCase()) + "@example.org";
        long id = insert("INSERT INTO account (email, password_hash, role, display_name, practice_id, practitioner_id, patient_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                email, PASSWORD_HASH, role.name(), "Test " + role.name(), practiceId, practitionerId, patientId);
        Account a = new Account();
        a.id = id;
        a.email = email;
        a.role = role;
        a.practiceId = practiceId;
        a.practitionerId = practitionerId;
        a.patientId = patientId;
        return new Actor(id, role, practiceId, practitionerId, patientId, email, tokens.accessToken(a));
    }

    public long queryLong(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return queryLong(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PostgreSQL's plan for a query with sequential scans priced out, so that a test can check that an index serves
     * it whatever the size of the test tables (the planner would rightly scan tables this small).
     */
    public String planWithoutSeqScan(String sql) {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                st.execute("RESET enable_seqscan");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String queryString(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insertRange(long practitionerId, long siteId, Integer dayOfWeek, LocalDate date, String start,
                             String end, boolean urgencyReserve, int releaseMinutesBefore, long[] motiveIds) {
        try (Connection c = dataSource.getConnection()) {
            Long[] boxed = new Long[motiveIds.length];
            for (int i = 0; i < motiveIds.length; i++) {
                boxed[i] = motiveIds[i];
            }
            Array ids = c.createArrayOf("bigint", boxed);
            try (PreparedStatement ps = prepare(c, "INSERT INTO opening_range (practitioner_id, site_id, day_of_week, on_date,"
                            + " start_time, end_time, urgency_reserve, release_minutes_before, motive_ids)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    practitionerId, siteId, dayOfWeek == null ? null : dayOfWeek.shortValue(), date,
                    LocalTime.parse(start), LocalTime.parse(end), urgencyReserve, releaseMinutesBefore, ids);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String sql, Object... args) {
        return queryLong(sql + " RETURNING id", args);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
    // ---------------------------------------------------------------- appended by the contract tests (fuzz branch)

    /** An appointment written straight to the table, for tests that act on an existing one. */
    public long appointment(long practiceId, long practitionerId, long siteId, long patientId, long motiveId,
                            java.time.Instant start, int minutes, String status, String channel, long bookedBy,
                            Role bookedByRole) {
        return insert("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at,"
                        + " ends_at, status, channel, booked_by, booked_by_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                practiceId, practitionerId, siteId, patientId, motiveId,
                java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(start.plusSeconds(60L * minutes), java.time.ZoneOffset.UTC),
                status, channel, bookedBy, bookedByRole.name());
    }

    /** An absence of a practitioner, written straight to the table. */
    public long absence(long practitionerId, java.time.Instant start, java.time.Instant end, String note) {
        return insert("INSERT INTO absence (practitioner_id, starts_at, ends_at, note) VALUES (?, ?, ?, ?)",
                practitionerId, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(end, java.time.ZoneOffset.UTC), note);
    }

    // --- messaging, desk, journal (issue #5)

    /** A patient account whose holder patient was born on {@code birthDate}. */
    public Actor patientAccount(LocalDate birthDate) {
        long patientId = patient(unique("Martin"), "Alex", birthDate, "+33611223344", null);
        return account(Role.PATIENT, null, null, patientId);
    }

    /** A relative (a child) of a holder patient. */
    public long relative(long holderPatientId, LocalDate birthDate) {
        return patient(unique("Enfant"), "Lou", birthDate, null, holderPatientId);
    }

    public void grantClinical(long practiceId, long secretaryAccountId, long grantedBy) {
        update("INSERT INTO clinical_grant (practice_id, account_id, granted_by) VALUES (?, ?, ?)",
                practiceId, secretaryAccountId, grantedBy);
    }

    /** An appointment written straight to the table, in any status. */
    public long appointment(long practiceId, long practitionerId, long siteId, long patientId, long motiveId,
                            java.time.Instant start, int minutes, String status, long bookedBy) {
        return insert("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at,"
                        + " ends_at, status, channel, booked_by, booked_by_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PHONE', ?, 'SECRETARY')",
                practiceId, practitionerId, siteId, patientId, motiveId,
                java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(start.plusSeconds(60L * minutes), java.time.ZoneOffset.UTC),
                status, bookedBy);
    }

    /** Runs one statement on the access journal with its append-only trigger off, as an attacker with DB access would. */
    public int tamperJournal(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement off = c.prepareStatement("ALTER TABLE access_journal DISABLE TRIGGER access_journal_no_update_delete")) {
                off.execute();
            }
            int n;
            try (PreparedStatement ps = prepare(c, sql, args)) {
                n = ps.executeUpdate();
            }
            try (PreparedStatement on = c.prepareStatement("ALTER TABLE access_journal ENABLE TRIGGER access_journal_no_update_delete")) {
                on.execute();
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- appended by the noshow branch

    /** The first column of every row, as longs. */
    public java.util.List<Long> queryLongs(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            java.util.List<Long> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Work on one connection inside a transaction. */
    public interface InTransaction {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, then commits it or, when {@code commit} is false, rolls it back. Work
     * that fails (an assertion included) is always rolled back.
     */
    public void transaction(boolean commit, InTransaction work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, read on the given connection (inside its transaction). */
    public static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one statement on the given connection (inside its transaction). */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }
}
