package fr.creneau.app.api;

import fr.creneau.model.api.AbsenceDto;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.DeviceTokenRequest;
import fr.creneau.model.api.LoginRequest;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.OpeningRangeDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.RefreshRequest;
import fr.creneau.model.api.RegisterRequest;
import fr.creneau.model.api.RescheduleRequest;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.api.CallDto;
import fr.creneau.model.api.CallIdentityRequest;
import fr.creneau.model.api.CallOutcomeRequest;
import fr.creneau.model.api.CallTriageRequest;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.RequestReplyDto;
import fr.creneau.model.api.TriageGridDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.app.Session;

import java.util.List;

/** The REST calls of docs/api-contract.md, one method each, typed through the shared-model DTOs. */
public final class Api {
    private Api() {
    }

    private static ApiClient c() {
        return ApiClient.get();
    }

    // ---- auth
    public static ApiResult<TokenResponse> login(String email, String password) {
        LoginRequest r = new LoginRequest();
        r.email = email;
        r.password = password;
        return token(c().send("POST", "/api/auth/login", r.toMap(), false));
    }

    public static ApiResult<TokenResponse> register(RegisterRequest r) {
        return token(c().send("POST", "/api/auth/register", r.toMap(), false));
    }

    private static ApiResult<TokenResponse> token(ApiClient.Raw raw) {
        TokenResponse t = null;
        if (ok(raw) && raw.json instanceof java.util.Map) {
            t = TokenResponse.fromMap(ApiClient.asMap(raw.json));
            Session.get().signedIn(t);
        }
        return new ApiResult<TokenResponse>(raw.status, t, raw.problem);
    }

    public static void logout() {
        LiveEvents.stop();
        String rt = Session.get().refreshToken();
        if (rt != null) {
            RefreshRequest r = new RefreshRequest();
            r.refreshToken = rt;
            c().send("POST", "/api/auth/logout", r.toMap(), false);
        }
        Session.get().clear();
    }

    public static ApiResult<AccountDto> me() {
        ApiClient.Raw raw = c().send("GET", "/api/me", null, true);
        AccountDto a = ok(raw) ? AccountDto.fromMap(ApiClient.asMap(raw.json)) : null;
        if (a != null) {
            Session.get().setAccount(a);
        }
        return new ApiResult<AccountDto>(raw.status, a, raw.problem);
    }

    public static ApiResult<PatientDto> addRelative(PatientDto p) {
        ApiClient.Raw raw = c().send("POST", "/api/me/relatives", p.toMap(), true);
        return new ApiResult<PatientDto>(raw.status, ok(raw) ? PatientDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<Void> registerDevice(String pushKey) {
        DeviceTokenRequest r = new DeviceTokenRequest();
        r.pushKey = pushKey;
        return nothing(c().send("POST", "/api/me/devices", r.toMap(), true));
    }

    // ---- directory
    public static ApiResult<List<PractitionerDto>> practitioners(String q, String specialty, Long practiceId) {
        StringBuilder p = new StringBuilder("/api/practitioners?q=").append(ApiClient.enc(q == null ? "" : q));
        if (specialty != null) {
            p.append("&specialty=").append(ApiClient.enc(specialty));
        }
        if (practiceId != null) {
            p.append("&practiceId=").append(practiceId);
        }
        ApiClient.Raw raw = c().send("GET", p.toString(), null, true);
        return new ApiResult<List<PractitionerDto>>(raw.status, ApiClient.list(raw.json, PractitionerDto.READER),
                raw.problem);
    }

    public static ApiResult<PracticeDto> practice(Long id) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + id, null, true);
        return new ApiResult<PracticeDto>(raw.status, ok(raw) ? PracticeDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<List<MotiveDto>> practitionerMotives(Long practitionerId) {
        ApiClient.Raw raw = c().send("GET", "/api/practitioners/" + practitionerId + "/motives", null, true);
        return new ApiResult<List<MotiveDto>>(raw.status, ApiClient.list(raw.json, MotiveDto.READER), raw.problem);
    }

    public static ApiResult<List<SlotDto>> availability(Long practitionerId, Long motiveId, String from, String to) {
        ApiClient.Raw raw = c().send("GET", "/api/practitioners/" + practitionerId + "/availability?motiveId="
                + motiveId + "&from=" + from + "&to=" + to, null, true);
        return new ApiResult<List<SlotDto>>(raw.status, ApiClient.list(raw.json, SlotDto.READER), raw.problem);
    }

    // ---- appointments
    public static ApiResult<AppointmentDto> book(BookingRequest r, String idempotencyKey) {
        return appointment(c().send("POST", "/api/appointments", r.toMap(), true, idempotencyKey));
    }

    public static ApiResult<List<AppointmentDto>> mine(String scope) {
        ApiClient.Raw raw = c().send("GET", "/api/appointments/mine?scope=" + scope, null, true);
        return new ApiResult<List<AppointmentDto>>(raw.status, ApiClient.list(raw.json, AppointmentDto.READER),
                raw.problem);
    }

    public static ApiResult<AppointmentDto> appointment(Long id) {
        return appointment(c().send("GET", "/api/appointments/" + id, null, true));
    }

    public static ApiResult<AppointmentDto> reschedule(Long id, String start, Long practitionerId, String idempotencyKey) {
        RescheduleRequest r = new RescheduleRequest();
        r.start = start;
        r.practitionerId = practitionerId;
        return appointment(c().send("POST", "/api/appointments/" + id + "/reschedule", r.toMap(), true, idempotencyKey));
    }

    public static ApiResult<AppointmentDto> changeStatus(Long id, AppointmentStatus target, String reason) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = target;
        r.reason = reason;
        return appointment(c().send("POST", "/api/appointments/" + id + "/status", r.toMap(), true));
    }

    /** Patient check-in on the appointment's day: 200 ARRIVED (422 not_today, invalid_transition). */
    public static ApiResult<AppointmentDto> checkIn(Long id) {
        return appointment(c().send("POST", "/api/appointments/" + id + "/check-in", null, true));
    }

    private static ApiResult<AppointmentDto> appointment(ApiClient.Raw raw) {
        return new ApiResult<AppointmentDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? AppointmentDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    // ---- staff
    public static ApiResult<List<AppointmentDto>> agenda(Long practitionerId, String fromDate, String toDate) {
        ApiClient.Raw raw = c().send("GET", "/api/practitioners/" + practitionerId + "/agenda?from=" + fromDate
                + "&to=" + toDate, null, true);
        return new ApiResult<List<AppointmentDto>>(raw.status, ApiClient.list(raw.json, AppointmentDto.READER),
                raw.problem);
    }

    public static ApiResult<List<OpeningRangeDto>> openingRanges(Long practitionerId) {
        ApiClient.Raw raw = c().send("GET", "/api/practitioners/" + practitionerId + "/opening-ranges", null, true);
        return new ApiResult<List<OpeningRangeDto>>(raw.status, ApiClient.list(raw.json, OpeningRangeDto.READER),
                raw.problem);
    }

    public static ApiResult<Void> addOpening(Long practitionerId, OpeningRangeDto r) {
        return nothing(c().send("POST", "/api/practitioners/" + practitionerId + "/opening-ranges", r.toMap(), true));
    }

    public static ApiResult<Void> releaseReserve(Long rangeId, String date) {
        return nothing(c().send("POST", "/api/opening-ranges/" + rangeId + "/release?date=" + date,
                new java.util.HashMap<String, Object>(), true));
    }

    public static ApiResult<List<AppointmentDto>> previewAbsence(Long practitionerId, AbsenceDto a) {
        ApiClient.Raw raw = c().send("POST", "/api/practitioners/" + practitionerId + "/absences/preview", a.toMap(),
                true);
        return new ApiResult<List<AppointmentDto>>(raw.status, ApiClient.list(raw.json, AppointmentDto.READER),
                raw.problem);
    }

    public static ApiResult<AbsenceDto> saveAbsence(Long practitionerId, AbsenceDto a) {
        ApiClient.Raw raw = c().send("POST", "/api/practitioners/" + practitionerId + "/absences", a.toMap(), true);
        return new ApiResult<AbsenceDto>(raw.status, ok(raw) ? AbsenceDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<Void> deleteAbsence(Long absenceId) {
        return nothing(c().send("DELETE", "/api/absences/" + absenceId, null, true));
    }

    public static ApiResult<List<PatientDto>> findPatients(Long practiceId, String q, String birthDate, String phone) {
        StringBuilder p = new StringBuilder("/api/practices/" + practiceId + "/patients?q=")
                .append(ApiClient.enc(q == null ? "" : q));
        if (birthDate != null) {
            p.append("&birthDate=").append(ApiClient.enc(birthDate));
        }
        if (phone != null) {
            p.append("&phone=").append(ApiClient.enc(phone));
        }
        ApiClient.Raw raw = c().send("GET", p.toString(), null, true);
        return new ApiResult<List<PatientDto>>(raw.status, ApiClient.list(raw.json, PatientDto.READER), raw.problem);
    }

    public static ApiResult<PatientDto> createPatient(Long practiceId, PatientDto p) {
        ApiClient.Raw raw = c().send("POST", "/api/practices/" + practiceId + "/patients", p.toMap(), true);
        return new ApiResult<PatientDto>(raw.status, ok(raw) ? PatientDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    // ---- messages and triage (issue 5)
    public static ApiResult<TriageGridDto> triageGrid(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/triage-grid", null, true);
        return new ApiResult<TriageGridDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? TriageGridDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<List<MotiveDto>> practiceMotives(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/motives", null, true);
        return new ApiResult<List<MotiveDto>>(raw.status, ApiClient.list(raw.json, MotiveDto.READER), raw.problem);
    }

    public static ApiResult<PractitionerDto> practitioner(Long id) {
        ApiClient.Raw raw = c().send("GET", "/api/practitioners/" + id, null, true);
        return new ApiResult<PractitionerDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? PractitionerDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    /** The practice's per-motive call scripts (questions to ask, answers to give), one per motive. */
    public static ApiResult<List<fr.creneau.model.api.CallScriptDto>> callScripts(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/call-scripts", null, true);
        return new ApiResult<List<fr.creneau.model.api.CallScriptDto>>(raw.status, ApiClient.list(raw.json,
                new fr.creneau.model.json.Json.Reader<fr.creneau.model.api.CallScriptDto>() {
                    public fr.creneau.model.api.CallScriptDto read(java.util.Map<String, Object> m) {
                        return fr.creneau.model.api.CallScriptDto.fromMap(m);
                    }
                }), raw.problem);
    }

    /** The practice's earliest slot for a motive (404 no_slot when none). */
    public static ApiResult<SlotDto> earliest(Long practiceId, Long motiveId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/earliest?motiveId=" + motiveId, null,
                true);
        return new ApiResult<SlotDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? SlotDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<PatientRequestDto> sendRequest(Long practiceId, PatientRequestDto r) {
        return request(c().send("POST", "/api/practices/" + practiceId + "/requests", r.toMap(), true));
    }

    public static ApiResult<List<PatientRequestDto>> myRequests() {
        ApiClient.Raw raw = c().send("GET", "/api/requests/mine", null, true);
        return new ApiResult<List<PatientRequestDto>>(raw.status, ApiClient.list(raw.json, PatientRequestDto.READER),
                raw.problem);
    }

    public static ApiResult<List<PatientRequestDto>> inbox(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/requests", null, true);
        return new ApiResult<List<PatientRequestDto>>(raw.status, ApiClient.list(raw.json, PatientRequestDto.READER),
                raw.problem);
    }

    public static ApiResult<PatientRequestDto> request(Long id) {
        return request(c().send("GET", "/api/requests/" + id, null, true));
    }

    public static ApiResult<PatientRequestDto> closeRequest(Long id) {
        return request(c().send("POST", "/api/requests/" + id + "/close", new java.util.HashMap<String, Object>(),
                true));
    }

    public static ApiResult<List<RequestReplyDto>> replies(Long requestId) {
        ApiClient.Raw raw = c().send("GET", "/api/requests/" + requestId + "/replies", null, true);
        return new ApiResult<List<RequestReplyDto>>(raw.status, ApiClient.list(raw.json, RequestReplyDto.READER),
                raw.problem);
    }

    public static ApiResult<RequestReplyDto> reply(Long requestId, String body) {
        RequestReplyDto r = new RequestReplyDto();
        r.body = body;
        ApiClient.Raw raw = c().send("POST", "/api/requests/" + requestId + "/replies", r.toMap(), true);
        return new ApiResult<RequestReplyDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? RequestReplyDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    private static ApiResult<PatientRequestDto> request(ApiClient.Raw raw) {
        return new ApiResult<PatientRequestDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? PatientRequestDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    // ---- telesecretariat desk
    public static ApiResult<CallDto> openCall(Long practiceId, String callerName, String callerPhone) {
        CallDto d = new CallDto();
        d.callerName = callerName;
        d.callerPhone = callerPhone;
        return call(c().send("POST", "/api/practices/" + practiceId + "/calls", d.toMap(), true));
    }

    public static ApiResult<CallDto> callIdentity(Long callId, CallIdentityRequest r) {
        return call(c().send("POST", "/api/calls/" + callId + "/identity", r.toMap(), true));
    }

    public static ApiResult<CallDto> callTriage(Long callId, CallTriageRequest r) {
        return call(c().send("POST", "/api/calls/" + callId + "/triage", r.toMap(), true));
    }

    public static ApiResult<CallDto> callOutcome(Long callId, CallOutcomeRequest r) {
        return call(c().send("POST", "/api/calls/" + callId + "/outcome", r.toMap(), true));
    }

    private static ApiResult<CallDto> call(ApiClient.Raw raw) {
        return new ApiResult<CallDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map ? CallDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    // ---- notification inbox and language (issue #4)

    /** A page of the patient's notifications, newest first, with the unread count. */
    public static ApiResult<fr.creneau.model.api.NotificationInboxDto> notifications(int limit, int offset) {
        ApiClient.Raw raw = c().send("GET", "/api/me/notifications?limit=" + limit + "&offset=" + offset, null, true);
        return new ApiResult<fr.creneau.model.api.NotificationInboxDto>(raw.status,
                ok(raw) && raw.json instanceof java.util.Map
                        ? fr.creneau.model.api.NotificationInboxDto.fromMap(ApiClient.asMap(raw.json)) : null,
                raw.problem);
    }

    public static ApiResult<Void> markNotificationRead(Long id) {
        return nothing(c().send("POST", "/api/me/notifications/" + id + "/read", null, true));
    }

    /**
     * Tells the server the app's language ("fr"/"en"), in which it writes the patient's push, SMS, email and inbox
     * texts. Reads the choices first and sends them back unchanged (the PUT carries them all), only when the
     * language differs.
     */
    public static ApiResult<Void> syncNotificationLanguage(String language) {
        ApiClient.Raw raw = c().send("GET", "/api/me/notification-preferences", null, true);
        if (!ok(raw) || !(raw.json instanceof java.util.Map)) {
            return nothing(raw);
        }
        fr.creneau.model.api.NotificationPreferencesDto p =
                fr.creneau.model.api.NotificationPreferencesDto.fromMap(ApiClient.asMap(raw.json));
        if (language.equals(p.language)) {
            return new ApiResult<Void>(raw.status, null, raw.problem);
        }
        p.language = language;
        p.smsConsentAt = null;
        p.emailConsentAt = null;
        return nothing(c().send("PUT", "/api/me/notification-preferences", p.toMap(), true));
    }

    private static ApiResult<Void> nothing(ApiClient.Raw raw) {
        return new ApiResult<Void>(raw.status, null, raw.problem);
    }

    private static boolean ok(ApiClient.Raw raw) {
        return raw.status >= 200 && raw.status < 300 && raw.json != null;
    }

    // ---- waitlist and no-shows (noshow branch): a block of their own to ease merges

    /** 201 with the entry: a patient for themselves or a relative, the secretariat for a caller of the practice. */
    public static ApiResult<fr.creneau.model.api.WaitlistEntryDto> joinWaitlist(Long practiceId,
                                                                               fr.creneau.model.api.WaitlistEntryDto e) {
        ApiClient.Raw raw = c().send("POST", "/api/practices/" + practiceId + "/waitlist", e.toMap(), true);
        return new ApiResult<fr.creneau.model.api.WaitlistEntryDto>(raw.status, ok(raw) && raw.json instanceof java.util.Map
                ? fr.creneau.model.api.WaitlistEntryDto.fromMap(ApiClient.asMap(raw.json)) : null, raw.problem);
    }

    public static ApiResult<List<fr.creneau.model.api.WaitlistEntryDto>> myWaitlist() {
        ApiClient.Raw raw = c().send("GET", "/api/waitlist/mine", null, true);
        return new ApiResult<List<fr.creneau.model.api.WaitlistEntryDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.WaitlistEntryDto.READER), raw.problem);
    }

    /** The practice's open entries in the order offers follow, each with its offer awaiting an answer (staff). */
    public static ApiResult<List<fr.creneau.model.api.WaitlistEntryDto>> practiceWaitlist(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/waitlist", null, true);
        return new ApiResult<List<fr.creneau.model.api.WaitlistEntryDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.WaitlistEntryDto.READER), raw.problem);
    }

    public static ApiResult<Void> leaveWaitlist(Long entryId) {
        return nothing(c().send("DELETE", "/api/waitlist/" + entryId, null, true));
    }

    public static ApiResult<List<fr.creneau.model.api.WaitlistOfferDto>> myOffers() {
        ApiClient.Raw raw = c().send("GET", "/api/waitlist/offers/mine", null, true);
        return new ApiResult<List<fr.creneau.model.api.WaitlistOfferDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.WaitlistOfferDto.READER), raw.problem);
    }

    /** 201 with the appointment; 409 slot_taken (someone else was first), 410 offer_expired. */
    public static ApiResult<AppointmentDto> claimOffer(Long offerId) {
        return appointment(c().send("POST", "/api/waitlist/offers/" + offerId + "/claim", null, true));
    }

    public static ApiResult<Void> declineOffer(Long offerId) {
        return nothing(c().send("POST", "/api/waitlist/offers/" + offerId + "/decline", null, true));
    }

    /** Marks a no-show, excused or not (staff, once the appointment time has passed). */
    public static ApiResult<AppointmentDto> markNoShow(Long id, boolean excused) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = AppointmentStatus.NO_SHOW;
        r.excused = excused ? Boolean.TRUE : Boolean.FALSE;
        return appointment(c().send("POST", "/api/appointments/" + id + "/status", r.toMap(), true));
    }

    /** Sets or clears "excused" on a NO_SHOW appointment. */
    public static ApiResult<AppointmentDto> excuseNoShow(Long id, boolean excused) {
        fr.creneau.model.api.NoShowExcuseRequest r = new fr.creneau.model.api.NoShowExcuseRequest();
        r.excused = excused ? Boolean.TRUE : Boolean.FALSE;
        return appointment(c().send("PUT", "/api/appointments/" + id + "/no-show", r.toMap(), true));
    }

    // ---------------------------------------------------------------- absences and their fallout (absence branch)

    /** The staff's decisions for the appointments an absence holds: what became of each, urgent motives first. */
    public static ApiResult<List<fr.creneau.model.api.AbsenceFalloutDto>> decideAbsence(Long absenceId,
            fr.creneau.model.api.AbsenceFalloutRequest r) {
        ApiClient.Raw raw = c().send("POST", "/api/absences/" + absenceId + "/decisions", r.toMap(), true);
        return new ApiResult<List<fr.creneau.model.api.AbsenceFalloutDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.AbsenceFalloutDto.READER), raw.problem);
    }

    /** The signed-in patient's (and relatives') slots proposed after an absence, still waiting for a choice. */
    public static ApiResult<List<fr.creneau.model.api.AbsenceFalloutDto>> myAbsenceProposals() {
        ApiClient.Raw raw = c().send("GET", "/api/absence-proposals/mine", null, true);
        return new ApiResult<List<fr.creneau.model.api.AbsenceFalloutDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.AbsenceFalloutDto.READER), raw.problem);
    }

    /** 201 with the new appointment; 409 slot_taken (pick another), proposal_closed; 410 proposal_expired. */
    public static ApiResult<AppointmentDto> acceptProposal(Long proposalId) {
        return appointment(c().send("POST", "/api/absence-proposals/" + proposalId + "/accept", null, true));
    }

    // ---------------------------------------------------------------- the staff's follow-up (absfollow branch)

    /** The practice's absence decisions to follow up: urgent first, then the earliest cancelled appointment. */
    public static ApiResult<List<fr.creneau.model.api.AbsenceFollowUpDto>> absenceFollowUp(Long practiceId) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/absence-decisions", null, true);
        return new ApiResult<List<fr.creneau.model.api.AbsenceFollowUpDto>>(raw.status,
                ApiClient.list(raw.json, fr.creneau.model.api.AbsenceFollowUpDto.READER), raw.problem);
    }

    /** Books the proposal the patient chose on the phone: 201; 409 slot_taken, proposal_closed; 410 proposal_expired. */
    public static ApiResult<AppointmentDto> acceptProposalFor(Long decisionId, Long proposalId) {
        return appointment(c().send("POST", "/api/absence-decisions/" + decisionId + "/proposals/" + proposalId
                + "/accept", null, true));
    }

    /** The patient, reached, wants none of the proposals: 200 with the decision, DECLINED. */
    public static ApiResult<fr.creneau.model.api.AbsenceFollowUpDto> declineProposals(Long decisionId) {
        ApiClient.Raw raw = c().send("POST", "/api/absence-decisions/" + decisionId + "/decline", null, true);
        return new ApiResult<fr.creneau.model.api.AbsenceFollowUpDto>(raw.status, ok(raw) && raw.json instanceof java.util.Map
                ? fr.creneau.model.api.AbsenceFollowUpDto.fromMap(ApiClient.asMap(raw.json)) : null, raw.problem);
    }

    // ---------------------------------------------------------------- the practice's indicators (indicators branch)

    /**
     * The practice's indicators over [from, to] (local dates of the practice, both included, at most 366 days):
     * PRACTITIONER and PRACTICE_ADMIN of it (403 for other roles, 404 another practice, 400 a wrong range).
     */
    public static ApiResult<fr.creneau.model.api.IndicatorsDto> indicators(Long practiceId, String from, String to) {
        ApiClient.Raw raw = c().send("GET", "/api/practices/" + practiceId + "/indicators?from=" + ApiClient.enc(from)
                + "&to=" + ApiClient.enc(to), null, true);
        return new ApiResult<fr.creneau.model.api.IndicatorsDto>(raw.status, ok(raw) && raw.json instanceof java.util.Map
                ? fr.creneau.model.api.IndicatorsDto.fromMap(ApiClient.asMap(raw.json)) : null, raw.problem);
    }
}
