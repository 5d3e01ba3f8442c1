package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static fr.creneau.backend.contract.Ctx.map;
import static fr.creneau.backend.contract.Ctx.slot;
import static fr.creneau.backend.contract.Ctx.unique;

/**
 * The reviewed answer of every documented operation, per caller and per object. Each row reads, for the callers
 * anonymous | PATIENT | PRACTITIONER | SECRETARY | PRACTICE_ADMIN (all staff of practice A), the expected class of
 * status for the caller's OWN object, a FOREIGN one and a MISSING id: "2xx", "401", "403", "404", or an exact
 * status. A new endpoint needs a row here before the build is green again (see AuthorizationMatrixTest).
 *
 * <p>Expectations come from docs/api-contract.md and, where it is silent, from the resource and service code.
 */
final class Matrix {

    /** One reviewed operation. {@code open}: public, anyone may call it without a token. */
    record Row(String key, boolean open, Function<Ctx, Response> call, Map<Caller, String[]> expected) {
        String expected(Caller caller, Target target) {
            return expected.get(caller)[target.ordinal()];
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Matrix() {
    }

    static Map<String, Row> rows() {
        Matrix m = new Matrix();
        m.auth();
        m.me();
        m.staff();
        m.patients();
        m.appointments();
        m.directory();
        m.schedule();
        m.messaging();
        m.desk();
        m.journalAndLive();
        m.notifications();
        m.waitlist();
        m.noShows();
        m.absenceFallout();
        return m.rows;
    }

    // ---------------------------------------------------------------- auth (public: tokens are not even read)

    private void auth() {
        open("POST /api/auth/register", c -> c.req().body(map(
                        "email", c.target == Target.FOREIGN ? c.w.patient.email() : unique("reg") + "@example.org",
                        "password", Fixtures.PASSWORD, "lastName", unique("Petit"), "firstName", "Jules",
                        "birthDate", "1990-05-17", "phone", "+33612345678"))
                        .post("/api/auth/register"),
                // FOREIGN: someone else's email is taken
                "2xx 409 2xx", "2xx 409 2xx", "2xx 409 2xx", "2xx 409 2xx", "2xx 409 2xx");
        open("POST /api/auth/login", c -> c.req().body(map(
                        "email", c.target == Target.MISSING ? unique("nobody") + "@example.org" : loginAccount(c).email(),
                        "password", c.target == Target.OWN ? Fixtures.PASSWORD : "wrong-password-123"))
                        .post("/api/auth/login"),
                // FOREIGN: someone else's account with a wrong password
                "2xx 401 401", "2xx 401 401", "2xx 401 401", "2xx 401 401", "2xx 401 401");
        open("POST /api/auth/refresh", c -> c.req().body(map("refreshToken", refreshToken(c)))
                        .post("/api/auth/refresh"),
                // FOREIGN: a refresh token already used once (its family is revoked); MISSING: an unknown token
                "2xx 401 401", "2xx 401 401", "2xx 401 401", "2xx 401 401", "2xx 401 401");
        open("POST /api/auth/logout", c -> c.req().body(map("refreshToken", refreshToken(c)))
                        .post("/api/auth/logout"),
                // Logging out with an unknown or revoked token is not an error: the client forgets it anyway
                "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx");
    }

    private static Fixtures.Actor loginAccount(Ctx c) {
        // a fresh account each time: failed logins count per account, and must not lock the world's actors
        return c.w.fx.patientAccount();
    }

    private static String refreshToken(Ctx c) {
        if (c.target == Target.MISSING) {
            return "unknown-" + unique("refresh");
        }
        Fixtures.Actor who = loginAccount(c);
        String token = io.restassured.RestAssured.given().contentType("application/json")
                .body(map("email", who.email(), "password", Fixtures.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().path("refreshToken");
        if (c.target == Target.FOREIGN) {
            io.restassured.RestAssured.given().contentType("application/json").body(map("refreshToken", token))
                    .post("/api/auth/refresh").then().statusCode(200);
        }
        return token;
    }

    // ---------------------------------------------------------------- the signed-in account

    private void me() {
        row("GET /api/me", c -> c.req().get("/api/me"),
                "401 401 401", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx");
        row("POST /api/me/relatives", c -> c.req().body(map("lastName", unique("Durand"), "firstName", "Zoé",
                        "birthDate", "2019-02-03", "phone", "+33612345678")).post("/api/me/relatives"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("POST /api/me/devices", c -> c.req().body(map("pushKey", "cn1-fcm-" + unique("device")))
                        .post("/api/me/devices"),
                "401 401 401", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx");
    }

    private void staff() {
        row("POST /api/practices/{practiceId}/staff", c -> c.req().body(map("email", unique("staff") + "@example.org",
                        "password", Fixtures.PASSWORD, "role", "SECRETARY", "displayName", "Nadia Secrétaire"))
                        .post("/api/practices/{p}/staff", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
    }

    // ---------------------------------------------------------------- the secretariat's patient file

    private void patients() {
        row("GET /api/practices/{practiceId}/patients", c -> c.req().queryParam("q", "Durand")
                        .get("/api/practices/{p}/patients", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/practices/{practiceId}/patients", c -> c.req().body(map("lastName", unique("Bernard"),
                        "firstName", "Louis", "birthDate", "1975-11-30", "phone", "+33698765432"))
                        .post("/api/practices/{p}/patients", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "2xx 404 404", "2xx 404 404");
    }

    // ---------------------------------------------------------------- appointments and agendas

    private void appointments() {
        row("POST /api/appointments", c -> c.req().body(map("practitionerId", c.practitionerId(),
                        "motiveId", c.motiveId(), "patientId", c.patientId(), "start", slot()))
                        .post("/api/appointments"),
                // a patient's FOREIGN: booking for a patient who is not theirs
                "401 401 401", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/appointments/mine", c -> c.req().get("/api/appointments/mine"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("GET /api/appointments/{id}", c -> c.req().get("/api/appointments/{id}", c.appointmentId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/appointments/{id}/reschedule", c -> c.req().body(map("start", slot()))
                        .post("/api/appointments/{id}/reschedule", c.appointmentId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/appointments/{id}/status", c -> c.req().body(c.caller == Caller.PATIENT
                                ? map("status", "CANCELLED_BY_PATIENT", "reason", "Empêchement")
                                : map("status", "CONFIRMED"))
                        .post("/api/appointments/{id}/status", c.appointmentId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/practitioners/{practitionerId}/agenda", c -> c.req()
                        .get("/api/practitioners/{id}/agenda", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
    }

    // ---------------------------------------------------------------- directory and motive catalogue (reading is public)

    private void directory() {
        open("GET /api/practitioners", c -> c.req().queryParam("practiceId", c.practiceId()).get("/api/practitioners"),
                // a search: an unknown practice finds nobody, it is not an error
                "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx", "2xx 2xx 2xx");
        open("GET /api/practitioners/{id}", c -> c.req().get("/api/practitioners/{id}", c.practitionerId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        open("GET /api/practitioners/{id}/motives", c -> c.req().get("/api/practitioners/{id}/motives", c.practitionerId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        open("GET /api/practices/{id}", c -> c.req().get("/api/practices/{id}", c.practiceId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        open("GET /api/practices/{id}/motives", c -> c.req().get("/api/practices/{id}/motives", c.practiceId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        row("POST /api/practices/{id}/motives", c -> c.req().body(motive()).post("/api/practices/{id}/motives", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("PUT /api/motives/{id}", c -> c.req().body(motive()).put("/api/motives/{id}", c.freshMotiveId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
    }

    private static Map<String, Object> motive() {
        return map("labelFr", unique("Consultation"), "labelEn", unique("Consultation"), "durationMinutes", 20,
                "bookableOnline", true, "urgencyReserve", false, "preparationFr", "Carte Vitale", "preparationEn", "Carte Vitale");
    }

    // ---------------------------------------------------------------- schedule: availability (public), ranges, absences

    private void schedule() {
        String from = java.time.LocalDate.now(World.PARIS).plusDays(3).toString();
        String to = java.time.LocalDate.now(World.PARIS).plusDays(10).toString();
        open("GET /api/practitioners/{id}/availability", c -> c.req().queryParam("motiveId", c.motiveId())
                        .queryParam("from", from).queryParam("to", to)
                        .get("/api/practitioners/{id}/availability", c.practitionerId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        open("GET /api/practices/{id}/earliest", c -> c.req().queryParam("motiveId", c.motiveId())
                        .get("/api/practices/{id}/earliest", c.practiceId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        row("GET /api/practitioners/{id}/opening-ranges", c -> c.req()
                        .get("/api/practitioners/{id}/opening-ranges", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/practitioners/{id}/opening-ranges", c -> c.req().body(map("siteId", c.siteId(), "dayOfWeek", 6,
                        "start", "09:00", "end", "10:00", "motiveIds", List.of(c.motiveId()), "urgencyReserve", false,
                        "releaseMinutesBefore", 0))
                        .post("/api/practitioners/{id}/opening-ranges", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("DELETE /api/opening-ranges/{id}", c -> c.req().delete("/api/opening-ranges/{id}", c.freshRangeId(false)),
                "401 401 401", "403 403 403", "2xx 404 404", "403 403 403", "2xx 404 404");
        row("POST /api/opening-ranges/{id}/release", c -> c.req().queryParam("date", Ctx.nextSaturday())
                        .post("/api/opening-ranges/{id}/release", c.freshRangeId(true)),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/practitioners/{id}/absences", c -> c.req().get("/api/practitioners/{id}/absences", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/practitioners/{id}/absences/preview", c -> c.req().body(absence())
                        .post("/api/practitioners/{id}/absences/preview", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/practitioners/{id}/absences", c -> c.req().body(absence())
                        .post("/api/practitioners/{id}/absences", c.practitionerId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("DELETE /api/absences/{id}", c -> c.req().delete("/api/absences/{id}", c.freshAbsenceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "403 403 403", "2xx 404 404");
    }

    private static Map<String, Object> absence() {
        java.time.Instant start = Ctx.sundayEvening();
        return map("start", start.toString(), "end", start.plusSeconds(3600).toString(), "note", "Formation");
    }

    // ---------------------------------------------------------------- messaging: triage grid, red flags, requests, grants

    private void messaging() {
        open("GET /api/practices/{practiceId}/triage-grid", c -> c.req().get("/api/practices/{p}/triage-grid", c.practiceId()),
                "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404", "2xx 2xx 404");
        row("POST /api/practices/{practiceId}/red-flags", c -> c.req().body(map("code",
                                "flag_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "labelFr", "Malaise",
                                "labelEn", "Fainting")).post("/api/practices/{p}/red-flags", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("DELETE /api/practices/{practiceId}/red-flags/{code}", c -> c.req()
                        .delete("/api/practices/{p}/red-flags/{code}", c.practiceId(), c.freshRedFlagCode()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("POST /api/practices/{practiceId}/requests", c -> c.req().body(map("patientId", c.patientId(),
                        "answers", map("type", "PRESCRIPTION_RENEWAL", "medication", "Doliprane", "since", "2024-01-01")))
                        .post("/api/practices/{p}/requests", c.practiceId()),
                // a patient's FOREIGN: another patient, at practice B
                "401 401 401", "2xx 404 404", "403 403 403", "403 403 403", "403 403 403");
        row("GET /api/practices/{practiceId}/requests", c -> c.req().get("/api/practices/{p}/requests", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/requests/mine", c -> c.req().get("/api/requests/mine"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("GET /api/requests/{id}", c -> c.req().get("/api/requests/{id}", c.requestId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        // clinical content: the secretary of the world has no clinical grant
        row("GET /api/requests/{id}/replies", c -> c.req().get("/api/requests/{id}/replies", c.requestId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "403 404 404", "2xx 404 404");
        row("POST /api/requests/{id}/replies", c -> c.req().body(map("body", "Ordonnance prête à l'accueil"))
                        .post("/api/requests/{id}/replies", c.requestId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "403 404 404", "2xx 404 404");
        row("POST /api/requests/{id}/close", c -> c.req().post("/api/requests/{id}/close", c.requestId()),
                "401 401 401", "2xx 404 404", "2xx 404 404", "403 404 404", "2xx 404 404");
        row("GET /api/practices/{practiceId}/clinical-grants", c -> c.req()
                        .get("/api/practices/{p}/clinical-grants", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("PUT /api/practices/{practiceId}/clinical-grants/{accountId}", c -> c.req()
                        .put("/api/practices/{p}/clinical-grants/{a}", c.practiceId(), c.freshSecretaryAccountId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("DELETE /api/practices/{practiceId}/clinical-grants/{accountId}", c -> c.req()
                        .delete("/api/practices/{p}/clinical-grants/{a}", c.practiceId(), c.freshSecretaryAccountId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
    }

    // ---------------------------------------------------------------- the telesecretariat desk

    private void desk() {
        row("POST /api/practices/{practiceId}/calls", c -> c.req().body(map("callerName", "Camille Durand",
                        "callerPhone", "+33612345678")).post("/api/practices/{p}/calls", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("GET /api/practices/{practiceId}/calls", c -> c.req().get("/api/practices/{p}/calls", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/calls/{id}", c -> c.req().get("/api/calls/{id}", c.callId(false)),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/calls/{id}/identity", c -> c.req().body(Ctx.identity(c.patientId()))
                        .post("/api/calls/{id}/identity", c.callId(false)),
                "401 401 401", "403 403 403", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("POST /api/calls/{id}/triage", c -> c.req().body(map("reason", "Renouvellement d'ordonnance"))
                        .post("/api/calls/{id}/triage", c.callId(false)),
                "401 401 401", "403 403 403", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("POST /api/calls/{id}/outcome", c -> c.req().body(map("outcome", "MEMO", "note", "Rappeler demain"))
                        .post("/api/calls/{id}/outcome", c.callId(true)),
                "401 401 401", "403 403 403", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("GET /api/practices/{practiceId}/call-scripts", c -> c.req().get("/api/practices/{p}/call-scripts", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("PUT /api/motives/{motiveId}/call-script", c -> c.req().body(map("questionsFr", List.of("Depuis quand ?"),
                        "questionsEn", List.of("Since when?"))).put("/api/motives/{m}/call-script", c.freshMotiveId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("GET /api/practices/{practiceId}/indicators", c -> c.req().queryParam("from", java.time.LocalDate.now(World.PARIS)
                        .minusDays(7).toString()).queryParam("to", java.time.LocalDate.now(World.PARIS).toString())
                        .get("/api/practices/{p}/indicators", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "403 403 403", "2xx 404 404");
    }

    // ---------------------------------------------------------------- access journal, live updates, check-in

    private void journalAndLive() {
        row("GET /api/practices/{practiceId}/journal", c -> c.req().get("/api/practices/{p}/journal", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        row("GET /api/practices/{practiceId}/journal/verify", c -> c.req()
                        .get("/api/practices/{p}/journal/verify", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
        // server-sent events: only the status line and headers are read, the stream is then dropped
        row("GET /api/practices/{practiceId}/events", c -> Sse.open(c, "/api/practices/" + c.practiceId() + "/events"),
                "401 401 401", "4xx 4xx 4xx", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        // fresh appointments are days ahead: a patient's own check-in passes authorization and meets 422 not_today
        row("POST /api/appointments/{id}/check-in", c -> c.req().post("/api/appointments/{id}/check-in", c.appointmentId()),
                "401 401 401", "422 404 404", "403 403 403", "403 403 403", "403 403 403");
    }

    // ---------------------------------------------------------------- waitlist (issue #4)

    private void waitlist() {
        // a patient's FOREIGN: another patient of A, at practice B
        row("POST /api/practices/{id}/waitlist", c -> c.req().body(map("patientId", c.patientId(),
                        "motiveId", c.motiveId(), "fromDate", java.time.LocalDate.now(World.PARIS).plusDays(7).toString(),
                        "toDate", java.time.LocalDate.now(World.PARIS).plusDays(14).toString()))
                        .post("/api/practices/{id}/waitlist", c.practiceId()),
                "401 401 401", "2xx 404 404", "403 403 403", "2xx 404 404", "2xx 404 404");
        // a practitioner reads their own and "anyone" entries of their practice (issue #4, pwait branch)
        row("GET /api/practices/{id}/waitlist", c -> c.req().get("/api/practices/{id}/waitlist", c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/waitlist/mine", c -> c.req().get("/api/waitlist/mine"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("DELETE /api/waitlist/{id}", c -> c.req().delete("/api/waitlist/{id}", c.waitlistEntryId()),
                "401 401 401", "2xx 404 404", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("POST /api/waitlist/offers/{id}/claim", c -> c.req().post("/api/waitlist/offers/{id}/claim", c.waitlistOfferId()),
                "401 401 401", "2xx 404 404", "403 403 403", "2xx 404 404", "2xx 404 404");
        // appended by the noshow branch: waves (decline) and the patient's own offers
        row("POST /api/waitlist/offers/{id}/decline", c -> c.req().post("/api/waitlist/offers/{id}/decline",
                        c.waitlistOfferId()),
                "401 401 401", "2xx 404 404", "403 403 403", "2xx 404 404", "2xx 404 404");
        row("GET /api/waitlist/offers/mine", c -> c.req().get("/api/waitlist/offers/mine"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
    }

    // ---------------------------------------------------------------- no-shows (noshow branch)

    private void noShows() {
        // a NO_SHOW appointment in the own practitioner's agenda (OWN), another patient's of A or B's (FOREIGN)
        row("PUT /api/appointments/{id}/no-show", c -> c.req().body(map("excused", true))
                        .put("/api/appointments/{id}/no-show", c.noShowAppointmentId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        // null clears the rule: the call changes nothing the other rows rely on
        row("PUT /api/practices/{id}/no-show-policy", c -> c.req().body(map("maxUnexcusedNoShows", null))
                        .put("/api/practices/{id}/no-show-policy", c.practiceId()),
                "401 401 401", "403 403 403", "403 403 403", "403 403 403", "2xx 404 404");
    }

    // ---------------------------------------------------------------- notification preferences and confirm/cancel links

    private void notifications() {
        // the signed-in patient's own choices: no object id, so own, foreign and missing are the same call
        row("GET /api/me/notification-preferences", c -> c.req().get("/api/me/notification-preferences"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("PUT /api/me/notification-preferences", c -> c.req().body(map("push", true, "sms", true, "email", true))
                        .put("/api/me/notification-preferences"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        // the patient's inbox (issue #4): own and relatives' notifications; another family's id is unknown
        row("GET /api/me/notifications", c -> c.req().get("/api/me/notifications"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("POST /api/me/notifications/{id}/read", c -> c.req().post("/api/me/notifications/{id}/read", c.notificationId()),
                "401 401 401", "2xx 404 404", "403 403 403", "403 403 403", "403 403 403");
        // the token is the authority, whoever sends it: FOREIGN is a used link, MISSING one never issued
        open("GET /api/links/{token}", c -> c.req().get("/api/links/{t}", c.linkToken()),
                "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        open("POST /api/links/{token}/confirm", c -> c.req().post("/api/links/{t}/confirm", c.linkToken()),
                "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        open("POST /api/links/{token}/cancel", c -> c.req().post("/api/links/{t}/cancel", c.linkToken()),
                "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
    }

    // ---------------------------------------------------------------- absences and their fallout (absence branch)

    private void absenceFallout() {
        // a Sunday-evening absence that holds nothing: deciding KEEP for all answers an empty list
        row("POST /api/absences/{id}/decisions", c -> c.req().body(map("all", "KEEP"))
                        .post("/api/absences/{id}/decisions", c.freshAbsenceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("GET /api/absence-proposals/mine", c -> c.req().get("/api/absence-proposals/mine"),
                "401 401 401", "2xx 2xx 2xx", "403 403 403", "403 403 403", "403 403 403");
        row("POST /api/absence-proposals/{id}/accept", c -> c.req().post("/api/absence-proposals/{id}/accept",
                        c.absenceProposalId()),
                "401 401 401", "2xx 404 404", "403 403 403", "403 403 403", "403 403 403");
        // the token is the authority: FOREIGN is a used link, MISSING one never issued
        open("GET /api/absence-links/{token}", c -> c.req().get("/api/absence-links/{t}", c.absenceLink()[0]),
                "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        open("POST /api/absence-links/{token}/proposals/{id}/accept", c -> {
                    Object[] link = c.absenceLink();
                    return c.req().post("/api/absence-links/{t}/proposals/{id}/accept", link[0], link[1]);
                },
                "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        // the staff's follow-up (absfollow branch): OWN a decision of the own practitioner's agenda in A, FOREIGN B's
        row("GET /api/practices/{id}/absence-decisions", c -> c.req().get("/api/practices/{id}/absence-decisions",
                        c.practiceId()),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/absence-decisions/{id}/proposals/{proposalId}/accept", c -> {
                    long[] d = c.absenceDecision();
                    return c.req().post("/api/absence-decisions/{id}/proposals/{p}/accept", d[0], d[1]);
                },
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
        row("POST /api/absence-decisions/{id}/decline", c -> c.req().post("/api/absence-decisions/{id}/decline",
                        c.absenceDecision()[0]),
                "401 401 401", "403 403 403", "2xx 404 404", "2xx 404 404", "2xx 404 404");
    }

    // ---------------------------------------------------------------- table plumbing

    private void row(String key, Function<Ctx, Response> call, String anonymous, String patient,
                     String practitioner, String secretary, String admin) {
        add(key, false, call, anonymous, patient, practitioner, secretary, admin);
    }

    private void open(String key, Function<Ctx, Response> call, String anonymous, String patient,
                      String practitioner, String secretary, String admin) {
        add(key, true, call, anonymous, patient, practitioner, secretary, admin);
    }

    private void add(String key, boolean open, Function<Ctx, Response> call, String... perCaller) {
        if (rows.containsKey(key)) {
            throw new IllegalStateException("two rows for " + key);
        }
        Map<Caller, String[]> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            String[] cells = perCaller[caller.ordinal()].trim().split("\\s+");
            if (cells.length != Target.values().length) {
                throw new IllegalStateException(key + ": " + caller + " needs own, foreign and missing");
            }
            for (String cell : cells) {
                if (!cell.matches("2xx|4xx|[1-5]\\d\\d")) {
                    throw new IllegalStateException(key + ": bad cell " + cell);
                }
            }
            expected.put(caller, cells);
        }
        rows.put(key, new Row(key, open, call, expected));
    }

    static boolean matches(String expected, int status) {
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "4xx" -> status >= 400 && status < 500;
            default -> status == Integer.parseInt(expected);
        };
    }

    static List<String> keysOf(Map<String, Row> rows) {
        return new ArrayList<>(rows.keySet());
    }
}
