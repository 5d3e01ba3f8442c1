package fr.creneau.backend.demo;

import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.fallout.FalloutService;
import fr.creneau.model.api.AbsenceFalloutDto;
import fr.creneau.model.api.AbsenceFalloutRequest;
import fr.creneau.model.rules.FalloutAction;
import fr.creneau.model.rules.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Loads the demo centre "Maison de santé Les Tilleuls" when {@code creneau.demo.load} is on (the demo profile):
 * three practitioners with a realistic week, a motive catalogue, an urgency reserve, an absence, booked
 * appointments around today, a patient with a child, a secretary and an admin. It runs once per database.
 *
 * <p>The absence (Dr Bernard's congress) holds three appointments for which she chose to propose other slots, so
 * that the secretariat's "patients to call back" list has someone to call. That decision goes through
 * {@link FalloutService}, once the rest is committed: cancellations, proposals, notices and journal as in real life.
 */
@ApplicationScoped
public class DemoData {
    public static final String PRACTICE_NAME = "Maison de santé Les Tilleuls";
    public static final String PASSWORD = "demo-password-2026";
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FalloutService fallout;

    @ConfigProperty(name = "creneau.demo.load")
    boolean enabled;

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (enabled) {
            load(Clock.systemUTC());
        }
    }

    public void load(Clock clock) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (exists(c)) {
                LOG.info("Demo practice already loaded");
                return;
            }
            Congress congress = new Loader(c, LocalDate.now(clock.withZone(PARIS)), BcryptUtil.bcryptHash(PASSWORD)).run();
            c.commit();
            LOG.info("Demo practice loaded: " + PRACTICE_NAME);
            proposeOtherSlots(congress);
        }
    }

    /** Who decided for the congress's appointments, and which absence. */
    record Congress(long absenceId, long practiceId, long practitionerId, long accountId) {
    }

    /**
     * Dr Bernard proposes other slots to every patient her congress holds, as she would from the app. A failure
     * leaves the rest of the demo in place (committed already) with an empty call-back list, and says so.
     */
    private void proposeOtherSlots(Congress congress) {
        AbsenceFalloutRequest request = new AbsenceFalloutRequest();
        request.all = FalloutAction.PROPOSE;
        Caller bernard = new Caller(congress.accountId(), Role.PRACTITIONER, congress.practiceId(),
                congress.practitionerId(), null);
        try {
            List<AbsenceFalloutDto> decided = VertxContextSupport.subscribeAndAwait(
                    () -> fallout.decide(bernard, congress.absenceId(), request));
            LOG.info("Demo absence: other slots proposed for " + decided.size() + " appointment(s)");
        } catch (Throwable e) {
            LOG.warn("Demo absence: the proposals could not be made; the call-back list stays empty", e);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM practice WHERE name = ?")) {
            ps.setString(1, PRACTICE_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static final class Loader {
        private final Connection c;
        private final LocalDate today;
        private final String passwordHash;

        Loader(Connection c, LocalDate today, String passwordHash) {
            this.c = c;
            this.today = today;
            this.passwordHash = passwordHash;
        }

        Congress run() throws SQLException {
            long practice = insert("INSERT INTO practice (name, timezone, phone, emergency_number, reachable_hours, substitute,"
                            + " cancellation_cutoff_hours, min_notice_minutes, horizon_days) VALUES (?, 'Europe/Paris', ?, '15', ?, ?, 24, 60, 90)",
                    PRACTICE_NAME, "+33143000000", "Lun-ven 8h-19h, sam 9h-12h / Mon-Fri 8am-7pm, Sat 9am-12pm",
                    "Dr Claire Moreau, 3 place Voltaire, 75011 Paris, +33143000099");
            long site = insert("INSERT INTO site (practice_id, name, address, phone) VALUES (?, ?, ?, ?)",
                    practice, "Les Tilleuls", "12 rue des Tilleuls, 75011 Paris", "+33143000000");

            long martin = practitioner(practice, "Martin", "Marie", "Médecin généraliste");
            long petit = practitioner(practice, "Petit", "Lucas", "Pédiatre");
            long bernard = practitioner(practice, "Bernard", "Sophie", "Cardiologue");

            String vitale = "Apportez votre carte Vitale et votre carnet de santé.";
            String vitaleEn = "Bring your Carte Vitale and health record booklet.";
            long followUp = motive(practice, "Consultation de suivi", "Follow-up consultation", 15, true, true, false, vitale, vitaleEn);
            long firstVisit = motive(practice, "Première consultation", "First consultation", 30, true, true, false,
                    vitale + " Arrivez 10 minutes en avance avec vos derniers comptes rendus.",
                    vitaleEn + " Arrive 10 minutes early with your latest medical reports.");
            long renewal = motive(practice, "Renouvellement d'ordonnance", "Prescription renewal", 10, true, false, false,
                    "Apportez votre dernière ordonnance.", "Bring your last prescription.");
            long certificate = motive(practice, "Certificat médical (sport)", "Sports medical certificate", 15, true, true, false,
                    "Précisez le sport pratiqué.", "Tell us which sport you practise.");
            long urgent = motive(practice, "Consultation urgente (jour même)", "Same-day urgent consultation", 15, true, true, true,
                    vitale, vitaleEn);
            long paediatric = motive(practice, "Consultation pédiatrique", "Paediatric consultation", 20, true, true, false,
                    "Apportez le carnet de santé de l'enfant.", "Bring the child's health record booklet.");
            long vaccination = motive(practice, "Vaccination", "Vaccination", 15, true, true, false,
                    "Apportez le vaccin prescrit (conservé au frais) et le carnet de santé.",
                    "Bring the prescribed vaccine (kept cold) and the health record booklet.");
            long infant = motive(practice, "Suivi du nourrisson", "Infant check-up", 30, true, true, false,
                    "Apportez le carnet de santé de l'enfant.", "Bring the child's health record booklet.");
            long cardio = motive(practice, "Consultation cardiologique", "Cardiology consultation", 30, true, false, false,
                    "Apportez vos derniers ECG et la liste de vos traitements.", "Bring your latest ECGs and the list of your medicines.");
            long ecg = motive(practice, "Électrocardiogramme (ECG)", "Electrocardiogram (ECG)", 20, true, false, false,
                    "Évitez les crèmes sur le torse le jour de l'examen.", "Avoid body lotion on your chest on the day.");
            long fullCheck = motive(practice, "Bilan cardiologique complet", "Full cardiology work-up", 45, false, false, false,
                    "Venez à jeun si une prise de sang a été prescrite.", "Come fasting if a blood test was prescribed.");

            // Call scripts for the secretariat (one item per line): the questions to ask, the answers to give.
            script(renewal,
                    "Quel médicament ?\nDepuis quand le prenez-vous ?\nQuand l'ordonnance se termine-t-elle ?",
                    "Which medication?\nSince when have you been taking it?\nWhen does the prescription run out?",
                    "Apportez votre dernière ordonnance.\nApportez votre carte Vitale.",
                    "Bring your last prescription.\nBring your Carte Vitale.");
            script(certificate,
                    "Quel sport pratiquez-vous ?\nEn compétition ?\nAvez-vous eu un malaise ou une douleur à l'effort ?",
                    "Which sport do you practise?\nIn competition?\nHave you felt faint or had pain during exercise?",
                    "Apportez le formulaire de la fédération s'il y en a un.\nVenez en tenue de sport.",
                    "Bring the federation's form if there is one.\nCome in sportswear.");
            script(urgent,
                    "Quels symptômes, depuis quand ?\nAvez-vous de la fièvre ?\nDouleur dans la poitrine ou gêne pour respirer ?",
                    "Which symptoms, since when?\nDo you have a fever?\nChest pain or difficulty breathing?",
                    "En cas de douleur thoracique ou de détresse respiratoire, appelez le 15.\nApportez votre carte Vitale.",
                    "For chest pain or breathing difficulty, call 15.\nBring your Carte Vitale.");
            script(vaccination,
                    "Quel vaccin a été prescrit ?\nAvez-vous déjà le vaccin ?",
                    "Which vaccine was prescribed?\nDo you already have the vaccine?",
                    "Gardez le vaccin au réfrigérateur jusqu'au rendez-vous.\nApportez le carnet de santé.",
                    "Keep the vaccine in the fridge until the appointment.\nBring the health record booklet.");

            // Dr Martin, GP: mornings and afternoons, Wednesday afternoon off, Saturday morning, and a daily
            // urgency reserve kept for same-day calls, released online two hours before.
            for (int day = 1; day <= 5; day++) {
                range(martin, site, day, "08:30", "11:30", false, new long[]{followUp, firstVisit, renewal, certificate});
                range(martin, site, day, "11:30", "12:30", true, new long[]{urgent});
                if (day != 3) {
                    range(martin, site, day, "14:00", "18:30", false, new long[]{followUp, firstVisit, renewal, certificate});
                }
            }
            range(martin, site, 6, "09:00", "12:00", false, new long[]{followUp, renewal, certificate});
            // Dr Petit, paediatrician
            for (int day : new int[]{1, 2, 4, 5}) {
                range(petit, site, day, "09:00", "12:30", false, new long[]{paediatric, vaccination, infant});
                range(petit, site, day, "14:00", "17:30", false, new long[]{paediatric, vaccination, infant});
            }
            range(petit, site, 3, "09:00", "12:00", false, new long[]{paediatric, vaccination, infant});
            // Dr Bernard, cardiologist: Tuesday and Thursday
            for (int day : new int[]{2, 4}) {
                range(bernard, site, day, "09:00", "13:00", false, new long[]{cardio, ecg, fullCheck});
                range(bernard, site, day, "14:00", "18:00", false, new long[]{cardio, ecg, fullCheck});
            }

            // Dr Bernard is at a congress next Thursday; Dr Moreau stands in.
            LocalDate congress = today.plusWeeks(1).with(DayOfWeek.THURSDAY);
            long absence = insert("INSERT INTO absence (practitioner_id, starts_at, ends_at, note) VALUES (?, ?, ?, ?)",
                    bernard, at(congress, "00:00"), at(congress.plusDays(1), "00:00"), "Congrès de cardiologie");

            long camille = patient("Durand", "Camille", LocalDate.of(1988, 5, 14), "+33612345678", "patient@demo.creneau.fr", null);
            long leo = patient("Durand", "Léo", LocalDate.of(2019, 9, 3), null, null, camille);
            long jean = patient("Lefèvre", "Jean", LocalDate.of(1954, 11, 2), "+33611223344", null, null);
            long amina = patient("Benali", "Amina", LocalDate.of(1979, 2, 21), "+33622334455", "amina.benali@example.org", null);
            long hugo = patient("Roux", "Hugo", LocalDate.of(2001, 7, 30), "+33633445566", null, null);
            for (long p : new long[]{camille, leo, jean, amina, hugo}) {
                update("INSERT INTO practice_patient (practice_id, patient_id) VALUES (?, ?)", practice, p);
            }

            long patientAccount = account("patient@demo.creneau.fr", "PATIENT", "Camille Durand", null, null, camille);
            long martinAccount = account("dr.martin@demo.creneau.fr", "PRACTITIONER", "Dr Marie Martin", practice, martin, null);
            account("dr.petit@demo.creneau.fr", "PRACTITIONER", "Dr Lucas Petit", practice, petit, null);
            long bernardAccount = account("dr.bernard@demo.creneau.fr", "PRACTITIONER", "Dr Sophie Bernard", practice, bernard, null);
            long secretary = account("secretariat@demo.creneau.fr", "SECRETARY", "Secrétariat Les Tilleuls", practice, null, null);
            account("admin@demo.creneau.fr", "PRACTICE_ADMIN", "Administration Les Tilleuls", practice, null, null);

            // Today's agenda for Dr Martin (if she works today), the coming days, and some history.
            LocalDate day1 = nextWorkingDay(today, false);
            LocalDate day2 = nextWorkingDay(day1.plusDays(1), false);
            LocalDate day3 = nextWorkingDay(day2.plusDays(1), false);
            LocalDate martinToday = nextWorkingDay(today, true);
            appointment(practice, martin, site, jean, followUp, martinToday, "08:30", 15, "ARRIVED", "PHONE", secretary, "SECRETARY");
            appointment(practice, martin, site, amina, firstVisit, martinToday, "09:00", 30, "CONFIRMED", "ONLINE", secretary, "SECRETARY");
            appointment(practice, martin, site, hugo, certificate, martinToday, "10:00", 15, "BOOKED", "DESK", secretary, "SECRETARY");
            appointment(practice, martin, site, camille, followUp, day2, "10:00", 15, "BOOKED", "ONLINE", patientAccount, "PATIENT");
            appointment(practice, petit, site, leo, paediatric, nextDayOf(day3, 2, 1, 4, 5), "10:00", 20, "BOOKED", "ONLINE", patientAccount, "PATIENT");
            appointment(practice, martin, site, jean, renewal, day1, "14:00", 10, "BOOKED", "PHONE", secretary, "SECRETARY");
            // booked before the congress was planned: the absence holds them (see proposeOtherSlots)
            appointment(practice, bernard, site, jean, ecg, congress, "09:00", 20, "BOOKED", "PHONE", secretary, "SECRETARY");
            appointment(practice, bernard, site, amina, cardio, congress, "10:00", 30, "CONFIRMED", "PHONE", secretary, "SECRETARY");
            appointment(practice, bernard, site, hugo, cardio, congress, "14:30", 30, "BOOKED", "PHONE", secretary, "SECRETARY");
            appointment(practice, martin, site, camille, followUp, today.minusWeeks(2).with(DayOfWeek.TUESDAY), "09:00", 15, "SEEN", "ONLINE", patientAccount, "PATIENT");
            appointment(practice, martin, site, hugo, followUp, today.minusWeeks(1).with(DayOfWeek.MONDAY), "15:00", 15, "NO_SHOW", "PHONE", martinAccount, "PRACTITIONER");
            return new Congress(absence, practice, bernard, bernardAccount);
        }

        /** The first day from {@code from} when Dr Martin works: mornings Monday to Saturday, afternoons Monday to Friday but Wednesday. */
        private static LocalDate nextWorkingDay(LocalDate from, boolean morning) {
            LocalDate d = from;
            while (d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || !morning && (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY)) {
                d = d.plusDays(1);
            }
            return d;
        }

        private static LocalDate nextDayOf(LocalDate from, int... isoDays) {
            LocalDate d = from;
            while (true) {
                for (int day : isoDays) {
                    if (d.getDayOfWeek().getValue() == day) {
                        return d;
                    }
                }
                d = d.plusDays(1);
            }
        }

        private Timestamp at(LocalDate date, String time) {
            return Timestamp.from(ZonedDateTime.of(date, LocalTime.parse(time), PARIS).toInstant());
        }

        private long practitioner(long practice, String last, String first, String specialty) throws SQLException {
            return insert("INSERT INTO practitioner (practice_id, last_name, first_name, specialty) VALUES (?, ?, ?, ?)",
                    practice, last, first, specialty);
        }

        private long motive(long practice, String fr, String en, int minutes, boolean online, boolean newPatients,
                            boolean urgency, String prepFr, String prepEn) throws SQLException {
            return insert("INSERT INTO motive (practice_id, label_fr, label_en, duration_minutes, bookable_online,"
                            + " open_to_new_patients, urgency_reserve, preparation_fr, preparation_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    practice, fr, en, minutes, online, newPatients, urgency, prepFr, prepEn);
        }

        private void script(long motive, String questionsFr, String questionsEn, String answersFr, String answersEn)
                throws SQLException {
            update("UPDATE motive SET script_questions_fr = ?, script_questions_en = ?, script_answers_fr = ?,"
                    + " script_answers_en = ? WHERE id = ?", questionsFr, questionsEn, answersFr, answersEn, motive);
        }

        private void range(long practitioner, long site, int day, String start, String end, boolean urgency,
                           long[] motives) throws SQLException {
            Long[] ids = new Long[motives.length];
            for (int i = 0; i < motives.length; i++) {
                ids[i] = motives[i];
            }
            update("INSERT INTO opening_range (practitioner_id, site_id, day_of_week, start_time, end_time, urgency_reserve,"
                            + " release_minutes_before, motive_ids) VALUES (?, ?, ?, ?, ?, ?, 120, ?)",
                    practitioner, site, (short) day, LocalTime.parse(start), LocalTime.parse(end), urgency,
                    c.createArrayOf("bigint", ids));
        }

        private long patient(String last, String first, LocalDate birth, String phone, String email, Long holder)
                throws SQLException {
            return insert("INSERT INTO patient (last_name, first_name, birth_date, phone, email, holder_id) VALUES (?, ?, ?, ?, ?, ?)",
                    last, first, birth, phone, email, holder);
        }

        private long account(String email, String role, String name, Long practice, Long practitioner, Long patient)
                throws SQLException {
            return insert("INSERT INTO account (email, password_hash, role, display_name, practice_id, practitioner_id, patient_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", email, passwordHash, role, name, practice, practitioner, patient);
        }

        private void appointment(long practice, long practitioner, long site, long patient, long motive, LocalDate date,
                                 String time, int minutes, String status, String channel, long bookedBy, String role)
                throws SQLException {
            Timestamp start = at(date, time);
            update("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at,"
                            + " status, channel, booked_by, booked_by_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    practice, practitioner, site, patient, motive, start,
                    Timestamp.from(start.toInstant().plusSeconds(minutes * 60L)), status, channel, bookedBy, role);
        }

        private long insert(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql + " RETURNING id", args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void update(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql, args)) {
                ps.executeUpdate();
            }
        }

        private PreparedStatement prepare(String sql, Object... args) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }
    }
}
