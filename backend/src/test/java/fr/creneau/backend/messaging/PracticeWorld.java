package fr.creneau.backend.messaging;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.model.rules.Role;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A practice with one account of every role, a patient with a baby, and a second practice whose staff must see
 * none of it. Built fresh by each test, so tests never share rows.
 */
public final class PracticeWorld {
    public final long practiceId;
    public final long siteId;
    public final long practitionerId;
    public final long motiveId;
    public final Actor practitioner;
    public final Actor secretary;
    public final Actor grantedSecretary;
    public final Actor admin;
    public final Actor patient;
    public final long babyId;
    public final Actor otherPatient;
    public final long foreignPracticeId;
    public final Actor foreignPractitioner;
    public final Actor foreignSecretary;
    public final Actor foreignAdmin;

    public PracticeWorld(Fixtures fx) {
        practiceId = fx.practice("Cabinet", "Europe/Paris");
        siteId = fx.site(practiceId);
        practitionerId = fx.practitioner(practiceId, "Médecine générale");
        motiveId = fx.motive(practiceId, 20, true, false);
        practitioner = fx.staff(Role.PRACTITIONER, practiceId, practitionerId);
        secretary = fx.staff(Role.SECRETARY, practiceId, null);
        grantedSecretary = fx.staff(Role.SECRETARY, practiceId, null);
        admin = fx.staff(Role.PRACTICE_ADMIN, practiceId, null);
        fx.grantClinical(practiceId, grantedSecretary.accountId(), admin.accountId());
        patient = fx.patientAccount(LocalDate.of(1985, 4, 12));
        babyId = fx.relative(patient.patientId(), LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusWeeks(6));
        otherPatient = fx.patientAccount();
        foreignPracticeId = fx.practice("Ailleurs", "Europe/Paris");
        long foreignPractitionerId = fx.practitioner(foreignPracticeId, "Pédiatrie");
        foreignPractitioner = fx.staff(Role.PRACTITIONER, foreignPracticeId, foreignPractitionerId);
        foreignSecretary = fx.staff(Role.SECRETARY, foreignPracticeId, null);
        foreignAdmin = fx.staff(Role.PRACTICE_ADMIN, foreignPracticeId, null);
    }

    public List<Actor> staff() {
        return List.of(practitioner, secretary, grantedSecretary, admin);
    }

    public List<Actor> foreignStaff() {
        return List.of(foreignPractitioner, foreignSecretary, foreignAdmin);
    }

    public static RequestSpecification as(Actor a) {
        return given().header("Authorization", a.bearer()).contentType(ContentType.JSON);
    }

    public static String today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
    }

    public static Map<String, Object> renewal() {
        return Map.of("type", "PRESCRIPTION_RENEWAL", "medication", "Lévothyrox 50 µg", "since", "2023-05-01");
    }

    public static Map<String, Object> symptoms(double temperature, String severity) {
        return Map.of("type", "NEW_SYMPTOMS", "symptoms", "Fièvre et toux", "since",
                LocalDate.parse(today()).minusDays(1).toString(), "severity", severity, "temperature", temperature);
    }

    /** Posts a request as the patient and returns its id. */
    public long request(long patientId, Map<String, Object> answers) {
        return ((Number) as(patient).body(Map.of("patientId", patientId, "answers", answers))
                .post("/api/practices/" + practiceId + "/requests")
                .then().statusCode(201).extract().path("id")).longValue();
    }
}
