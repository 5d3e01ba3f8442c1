package fr.creneau.backend.appointment;

import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.notification.AppointmentNotifications;
import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.platform.Params;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.ProblemMappers;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.practice.Site;
import fr.creneau.backend.schedule.ScheduleService;
import fr.creneau.backend.waitlist.WaitlistService;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.RescheduleRequest;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Booking and the life of an appointment: who may do what to which appointment, and when. */
@ApplicationScoped
public class AppointmentService {
    static final int MAX_AGENDA_DAYS = 31;

    @Inject
    AppointmentRepository appointments;

    @Inject
    PatientRepository patients;

    @Inject
    AppointmentMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    ScheduleService schedule;

    @Inject
    Clock clock;

    /** Writes the patient's notifications into the outbox, in the same transaction as the change. */
    @Inject
    AppointmentNotifications notifications;

    /** Journals every agenda change in the same transaction as the change. */
    @Inject
    Journal journal;

    /** Offers a freed slot to the waitlist, in the same transaction as the change that freed it. */
    @Inject
    WaitlistService waitlist;

    /** The practice's no-show rule: refuses online bookings for a patient with too many unexcused no-shows. */
    @Inject
    fr.creneau.backend.noshow.NoShowPolicy noShowPolicy;

    /** Tells the practice's open agendas, once the change has committed. */
    @Inject
    LiveEvents live;

    // ---------------------------------------------------------------- booking

    public Uni<Response> book(Caller caller, BookingRequest request, String idempotencyKey) {
        requireBody(request);
        ProblemException.check(request.validate());
        Instant start = Params.instant("start", request.start);
        Channel channel = channel(caller, request.channel);
        JournalActor actor = actor(caller);
        // set only when this request did the work (not on a replay), read after the transaction committed
        AtomicReference<AppointmentDto> done = new AtomicReference<>();
        return idempotency.run(caller.accountId(), idempotencyKey, "POST /api/appointments", request,
                        () -> doBook(caller, actor, request, start, channel).invoke(done::set)
                                .map(dto -> new IdempotencyService.Outcome(201, dto)))
                .invoke(() -> announce(done.get(), false));
    }

    /**
     * The booking in as few round trips as its rules allow (it is the hottest write path, see bench/RESULTS.md):
     * practitioner, practice settings, motive, patient, the patient's link to the practice and the practice's
     * site addresses in one read ({@link AppointmentRepository#bookingHead}), the slot rules' data in another,
     * the INSERT, the notifications and the journal entry (chained by the database at commit). The checks and
     * their order are those of the entities they replace.
     */
    private Uni<AppointmentDto> doBook(Caller caller, JournalActor actor, BookingRequest request, Instant start,
                                       Channel channel) {
        return appointments.bookingHead(request.practitionerId, request.motiveId, request.patientId).chain(h -> {
            if (h == null || (caller.isStaff() && !caller.isStaffOf(h.practiceId()))) {
                throw notFound("Practitioner", "practitionerId");
            }
            requireOwnAgenda(caller, request.practitionerId);
            if (h.motivePracticeId() == null || h.motivePracticeId() != h.practiceId()) {
                throw ProblemException.invalid("motiveId", "unknown_motive", "is not a motive of this practice");
            }
            requireMayBookFor(caller, h, request.patientId);
            requireOpenToPatient(caller, h);
            return noShowPolicy.requireMayBook(h.practiceId(), request.patientId, channel)
                    .chain(() -> schedule.requireBookable(request.practitionerId, h.zone(), h.minNoticeMinutes(),
                            h.horizonDays(), h.motiveRule(request.motiveId), start, caller.isStaff()))
                    .chain(slot -> {
                        if (request.siteId != null && !request.siteId.equals(slot.siteId)) {
                            throw ProblemException.invalid("siteId", "wrong_site",
                                    "the practitioner receives at another site at this time");
                        }
                        Appointment a = new Appointment();
                        a.practiceId = h.practiceId();
                        a.practitionerId = request.practitionerId;
                        a.siteId = slot.siteId;
                        a.patientId = request.patientId;
                        a.motiveId = request.motiveId;
                        a.startsAt = start;
                        a.endsAt = start.plus(Duration.ofMinutes(h.durationMinutes()));
                        a.status = AppointmentStatus.BOOKED;
                        a.channel = channel;
                        a.bookedBy = caller.accountId();
                        a.bookedByRole = caller.role();
                        // Flushed here, inside the transaction: the exclusion constraints decide a clash now
                        return appointments.persistAndFlush(a)
                                .onFailure().transform(AppointmentService::clash)
                                // A patient's own booking links them to the practice, unless it knows them already
                                // (links are never removed); staff book only patients it knows (requireMayBookFor)
                                .chain(() -> caller.isPatient() && !h.knownToPractice()
                                        ? patients.linkToPractice(a.practiceId, a.patientId)
                                        : Uni.createFrom().voidItem())
                                .chain(() -> notifications.booked(a))
                                .chain(() -> siteAddress(h, a.siteId))
                                .map(address -> AppointmentMapper.toDto(a,
                                        Practitioner.fullName(h.practitionerFirstName(), h.practitionerLastName()),
                                        Patient.fullName(h.patientFirstName(), h.patientLastName()),
                                        h.motiveLabelFr(), h.motiveLabelEn(), address, h.timezone()))
                                .call(() -> journal.record(actor, a.practiceId, Journal.APPOINTMENT_BOOK,
                                        Journal.APPOINTMENT, a.id, "start=" + a.startsAt));
                    });
        });
    }

    /** The slot's site address, read with the booking's head; a site outside it (none expected) is looked up. */
    private static Uni<String> siteAddress(AppointmentRepository.BookingHead h, long siteId) {
        if (h.siteAddresses().containsKey(siteId)) {
            return Uni.createFrom().item(h.siteAddresses().get(siteId));
        }
        return Site.<Site>findById(siteId).map(site -> site == null ? null : site.address);
    }

    /**
     * A motive closed to new patients (a first specialist consultation kept for the practice's own patients, say)
     * is booked online only by patients the practice already knows; the secretariat decides for the others.
     */
    private static void requireOpenToPatient(Caller caller, AppointmentRepository.BookingHead h) {
        if (caller.isPatient() && !h.openToNewPatients() && !h.knownToPractice()) {
            throw ProblemException.unprocessable("motive_closed_to_new_patients",
                    "This motive is for the practice's known patients: please call the practice");
        }
    }

    /** A patient books for themselves or a relative on their account; staff, for a patient the practice knows. */
    private static void requireMayBookFor(Caller caller, AppointmentRepository.BookingHead h, long patientId) {
        boolean allowed = caller.isPatient()
                ? h.ownOrRelativeOf(caller.patientId(), patientId)
                : h.knownToPractice();
        if (!allowed) {
            throw notFound("Patient", "patientId");
        }
    }

    /**
     * The one place slot rules (opening hours, absences, notice, horizon, urgency reserve, online motives) are
     * checked: they belong to the schedule package. Clashes with other appointments are the database's.
     */
    private Uni<SlotDto> requireBookable(long practitionerId, long motiveId, Instant start, boolean staff) {
        return schedule.requireBookable(practitionerId, motiveId, start, staff);
    }

    private static Channel channel(Caller caller, Channel asked) {
        if (caller.isPatient()) {
            if (asked != null && asked != Channel.ONLINE) {
                throw ProblemException.invalid("channel", "wrong_channel", "patients book ONLINE");
            }
            return Channel.ONLINE;
        }
        if (asked == Channel.ONLINE) {
            throw ProblemException.invalid("channel", "wrong_channel", "the practice books PHONE or DESK");
        }
        if (asked != null) {
            return asked;
        }
        return caller.role() == Role.PRACTITIONER ? Channel.DESK : Channel.PHONE;
    }

    // ---------------------------------------------------------------- reading

    public Uni<AppointmentDto> get(Caller caller, long id) {
        return Panache.withSession(() -> loadVisible(caller, id).chain(mapper::toDto));
    }

    public Uni<List<AppointmentDto>> mine(Caller caller, String scope) {
        boolean upcoming;
        if (scope == null || scope.equals("upcoming")) {
            upcoming = true;
        } else if (scope.equals("past")) {
            upcoming = false;
        } else {
            throw ProblemException.invalid("scope", "invalid_scope", "must be upcoming or past");
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> appointments.ofHolder(caller.patientId(), now, upcoming)
                .chain(mapper::toDtos));
    }

    /** A practitioner's appointments over whole local days of the practice, {@code to} included. */
    public Uni<List<AppointmentDto>> agenda(Caller caller, long practitionerId, String from, String to) {
        LocalDate fromDate = Params.date("from", from, false);
        LocalDate toDate = Params.date("to", to, false);
        return Panache.withSession(() -> Practitioner.<Practitioner>findById(practitionerId).chain(practitioner -> {
            if (practitioner == null || !caller.isStaffOf(practitioner.practiceId)) {
                throw ProblemException.notFound("Practitioner");
            }
            return Practice.<Practice>findById(practitioner.practiceId).chain(practice -> {
                ZoneId zone = practice.zone();
                LocalDate first = fromDate != null ? fromDate : LocalDate.now(clock.withZone(zone));
                LocalDate last = toDate != null ? toDate : first;
                if (last.isBefore(first)) {
                    throw ProblemException.invalid("to", "before_from", "must not be before from");
                }
                if (first.plusDays(MAX_AGENDA_DAYS).isBefore(last.plusDays(1))) {
                    throw ProblemException.invalid("to", "range_too_long", "at most " + MAX_AGENDA_DAYS + " days");
                }
                return appointments.agenda(practitioner.id, first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant());
            }).chain(mapper::toDtos);
        }));
    }

    // ---------------------------------------------------------------- changes

    public Uni<Response> reschedule(Caller caller, long id, RescheduleRequest request, String idempotencyKey) {
        requireBody(request);
        ProblemException.check(request.validate());
        Instant start = Params.instant("start", request.start);
        JournalActor actor = actor(caller);
        AtomicReference<AppointmentDto> done = new AtomicReference<>();
        return idempotency.run(caller.accountId(), idempotencyKey, "POST /api/appointments/" + id + "/reschedule",
                        request, () -> doReschedule(caller, actor, id, request, start).invoke(done::set)
                                .map(dto -> new IdempotencyService.Outcome(200, dto)))
                .invoke(() -> announce(done.get(), false));
    }

    /**
     * One UPDATE of the row in one transaction: the exclusion constraints check the new slot against every other
     * appointment, and on a clash the transaction rolls back with the old slot still held.
     */
    private Uni<AppointmentDto> doReschedule(Caller caller, JournalActor actor, long id, RescheduleRequest request,
                                             Instant start) {
        return loadVisible(caller, id).chain(a -> {
            requireOwnAgenda(caller, a.practitionerId);
            if (!a.status.isPending()) {
                throw ProblemException.unprocessable("not_pending", "Only a booked or confirmed appointment can move");
            }
            long targetId = request.practitionerId != null ? request.practitionerId : a.practitionerId;
            requireOwnAgenda(caller, targetId);
            long oldPractitionerId = a.practitionerId;
            Instant oldStart = a.startsAt;
            return Practitioner.<Practitioner>findById(targetId).chain(target -> {
                if (target == null || !target.practiceId.equals(a.practiceId)) {
                    throw notFound("Practitioner", "practitionerId");
                }
                return Practice.<Practice>findById(a.practiceId);
            }).chain(practice -> {
                if (caller.isPatient()) {
                    requireBeforeCutoff(a, practice);
                }
                return Motive.<Motive>findById(a.motiveId);
            }).chain(motive -> requireBookable(targetId, a.motiveId, start, caller.isStaff()).chain(slot -> {
                a.practitionerId = targetId;
                a.siteId = slot.siteId;
                a.startsAt = start;
                a.endsAt = start.plus(Duration.ofMinutes(motive.durationMinutes));
                return appointments.flush().onFailure().transform(AppointmentService::clash);
            })).chain(() -> notifications.moved(a))
                    .chain(() -> oldStart.equals(a.startsAt) && oldPractitionerId == a.practitionerId
                            ? Uni.createFrom().voidItem()
                            : waitlist.slotFreed(a.practiceId, oldPractitionerId, a.motiveId, oldStart, a.patientId))
                    .chain(() -> journal.record(actor, a.practiceId, Journal.APPOINTMENT_RESCHEDULE, Journal.APPOINTMENT,
                            a.id, "start=" + a.startsAt + " practitionerId=" + a.practitionerId))
                    .chain(() -> mapper.toDto(a));
        });
    }

    /** Changes the status in its own transaction, then tells the practice's open agendas. */
    public Uni<AppointmentDto> changeStatus(Caller caller, long id, StatusChangeRequest request) {
        requireBody(request);
        ProblemException.check(request.validate());
        JournalActor actor = actor(caller);
        return Panache.withTransaction(() -> changeStatusWithin(caller, actor, id, request))
                .invoke(dto -> announce(dto, dto.status == AppointmentStatus.ARRIVED));
    }

    /**
     * The status change inside the caller's own transaction (a confirm/cancel link spends itself in the same one).
     * Publishes nothing: the caller calls {@link #announce} once its transaction has committed.
     */
    public Uni<AppointmentDto> changeStatusWithin(Caller caller, JournalActor actor, long id, StatusChangeRequest request) {
        requireBody(request);
        ProblemException.check(request.validate());
        AppointmentStatus target = request.status;
        return loadVisible(caller, id).chain(a -> {
            requireOwnAgenda(caller, a.practitionerId);
            if (caller.isPatient() && !patientMaySet(target)) {
                throw new ProblemException(403, "staff_only", "Only the practice can set " + target);
            }
            if (!a.status.canMoveTo(target, caller.role())) {
                throw ProblemException.unprocessable("invalid_transition",
                        "An appointment " + a.status + " cannot become " + target);
            }
            AppointmentStatus from = a.status;
            return Practice.<Practice>findById(a.practiceId).chain(practice -> {
                Instant now = clock.instant();
                if (caller.isPatient() && target == AppointmentStatus.CANCELLED_BY_PATIENT) {
                    requireBeforeCutoff(a, practice);
                }
                if (target == AppointmentStatus.NO_SHOW && now.isBefore(a.startsAt)) {
                    throw ProblemException.unprocessable("too_early", "A no-show is recorded once the appointment time has passed");
                }
                if (target == AppointmentStatus.ARRIVED) {
                    requireToday(a, practice, "A patient arrives on the day of the appointment");
                }
                a.status = target;
                a.noShowExcused = target == AppointmentStatus.NO_SHOW && Boolean.TRUE.equals(request.excused);
                if (AppointmentStatus.needsReason(target)) {
                    a.cancelReason = request.reason.trim();
                }
                return appointments.flush().onFailure().transform(AppointmentService::clash);
            }).chain(() -> notifications.statusChanged(a))
                    .chain(() -> from.holdsSlot() && !target.holdsSlot()
                            ? waitlist.slotFreed(a.practiceId, a.practitionerId, a.motiveId, a.startsAt, a.patientId)
                            : Uni.createFrom().voidItem())
                    .chain(() -> journal.record(actor, a.practiceId, Journal.APPOINTMENT_STATUS, Journal.APPOINTMENT,
                            a.id, "from=" + from + " to=" + target + (a.noShowExcused ? " excused=true" : "")))
                    .chain(() -> mapper.toDto(a));
        });
    }

    /**
     * A patient checks in on arrival: their own (or a relative's) appointment becomes ARRIVED, on its day only,
     * where the state machine allows it. Checking in twice answers the arrived appointment again.
     */
    public Uni<AppointmentDto> checkIn(Caller caller, long id) {
        if (!caller.isPatient()) {
            throw new ProblemException(403, "patients_only", "The practice records an arrival through the status");
        }
        JournalActor actor = actor(caller);
        AtomicReference<AppointmentDto> done = new AtomicReference<>();
        return Panache.withTransaction(() -> loadVisible(caller, id).chain(a -> {
            if (a.status == AppointmentStatus.ARRIVED) {
                return mapper.toDto(a);
            }
            return Practice.<Practice>findById(a.practiceId).chain(practice -> {
                requireToday(a, practice, "Check in on the day of the appointment");
                if (!a.status.canMoveTo(AppointmentStatus.ARRIVED)) {
                    throw ProblemException.unprocessable("invalid_transition",
                            "An appointment " + a.status + " cannot become ARRIVED");
                }
                a.status = AppointmentStatus.ARRIVED;
                return appointments.flush().onFailure().transform(AppointmentService::clash)
                        .chain(() -> journal.record(actor, a.practiceId, Journal.APPOINTMENT_CHECK_IN,
                                Journal.APPOINTMENT, a.id, null))
                        .chain(() -> mapper.toDto(a))
                        .invoke(done::set);
            });
        })).invoke(() -> announce(done.get(), true));
    }

    /**
     * After the change committed: the practice's open agendas refetch. Ids and states only, never clinical
     * content; an arrival is also announced as such for the waiting-room view.
     */
    public void announce(AppointmentDto a, boolean arrival) {
        if (a == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appointmentId", a.id);
        payload.put("practitionerId", a.practitionerId);
        payload.put("status", a.status.name());
        live.publish(a.practiceId, LiveEvents.AGENDA_CHANGED, payload);
        if (arrival) {
            live.publish(a.practiceId, LiveEvents.ARRIVAL, payload);
        }
    }

    /** Who acts, for the journal: read while the request is still at hand. */
    public JournalActor actor(Caller caller) {
        return new JournalActor(caller.accountId() == 0L ? null : caller.accountId(), caller.role(), journal.clientIp());
    }

    // ---------------------------------------------------------------- rules shared by the operations above

    /** The appointment if the caller may see it: its patient or their holder, or staff of its practice. */
    private Uni<Appointment> loadVisible(Caller caller, long id) {
        return appointments.findById(id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("Appointment");
            }
            if (caller.isPatient()) {
                return patients.isOwnOrRelative(caller.patientId(), a.patientId).map(ok -> {
                    if (!ok) {
                        throw ProblemException.notFound("Appointment");
                    }
                    return a;
                });
            }
            if (!caller.isStaffOf(a.practiceId)) {
                throw ProblemException.notFound("Appointment");
            }
            return Uni.createFrom().item(a);
        });
    }

    /** A practitioner runs their own agenda; the secretariat runs everyone's in the practice. */
    private static void requireOwnAgenda(Caller caller, Long practitionerId) {
        if (caller.role() == Role.PRACTITIONER && !practitionerId.equals(caller.practitionerId())) {
            throw new ProblemException(403, "not_your_agenda", "This appointment is in a colleague's agenda");
        }
    }

    /** Arrival happens on the appointment's local day, in the practice's timezone. */
    private void requireToday(Appointment a, Practice practice, String detail) {
        ZoneId zone = practice.zone();
        if (!a.startsAt.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate())) {
            throw ProblemException.unprocessable("not_today", detail);
        }
    }

    /**
     * Whether a patient may still cancel or move online at {@code now}: until the practice's cutoff. Public so that
     * the notification inbox offers CANCEL exactly when this service would accept it.
     */
    public static boolean beforeCancelCutoff(Instant startsAt, int cutoffHours, Instant now) {
        return !now.isAfter(startsAt.minus(Duration.ofHours(cutoffHours)));
    }

    /** Patients cancel or move online until the practice's cutoff; after it, they call. */
    private void requireBeforeCutoff(Appointment a, Practice practice) {
        if (!beforeCancelCutoff(a.startsAt, practice.cancellationCutoffHours, clock.instant())) {
            throw ProblemException.unprocessable("cancel_cutoff_passed",
                    "Online changes close " + practice.cancellationCutoffHours
                            + " hours before the appointment: please call the practice at " + practice.phone);
        }
    }

    /** Whether any state lets a patient make this move; else it is a staff move (403, not 422). */
    static boolean patientMaySet(AppointmentStatus target) {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            if (from.canMoveTo(target, Role.PATIENT)) {
                return true;
            }
        }
        return false;
    }

    /** Names the constraint that refused: the practitioner's slot, or the patient already elsewhere. */
    static Throwable clash(Throwable e) {
        String state = ProblemMappers.sqlState(e);
        if ("23P01".equals(state)) {
            if (mentions(e, "appointment_patient_no_overlap")) {
                return ProblemException.conflict("patient_busy", "The patient already has an appointment at this time");
            }
            return ProblemException.conflict("slot_taken", "This time is no longer free");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("OptimisticLock") || name.contains("StaleObjectState")) {
                return ProblemException.conflict("concurrent_update", "The appointment changed meanwhile: reload it");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static ProblemException notFound(String what, String field) {
        return new ProblemException(404, "not_found", what + " not found",
                List.of(new FieldError(field, "not_found", "no such " + what.toLowerCase())), null);
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
    }


}
