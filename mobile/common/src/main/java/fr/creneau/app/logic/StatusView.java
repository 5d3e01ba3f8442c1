package fr.creneau.app.logic;

import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * How an appointment's state shows: a translated word and a style (colour) per state, so that state reads by
 * colour AND text. The moves offered to a role come from {@link AppointmentStatus#canMoveTo(AppointmentStatus, Role)}.
 */
public final class StatusView {
    private StatusView() {
    }

    public static String labelKey(AppointmentStatus s) {
        return s == null ? "status.UNKNOWN" : "status." + s.name();
    }

    /** UIID of the state's badge in theme.css. */
    public static String uiid(AppointmentStatus s) {
        if (s == null) {
            return "StatusBooked";
        }
        switch (s) {
            case BOOKED:
                return "StatusBooked";
            case CONFIRMED:
                return "StatusConfirmed";
            case ARRIVED:
                return "StatusArrived";
            case SEEN:
                return "StatusSeen";
            case NO_SHOW:
                return "StatusNoShow";
            default:
                return "StatusCancelled";
        }
    }

    /** The moves staff may make from the agenda (arrived, seen, no-show, confirm), in display order. */
    public static List<AppointmentStatus> staffMoves(AppointmentStatus from, Role role) {
        AppointmentStatus[] order = {AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED, AppointmentStatus.SEEN,
                AppointmentStatus.NO_SHOW};
        List<AppointmentStatus> out = new ArrayList<AppointmentStatus>();
        if (from == null) {
            return out;
        }
        for (int i = 0; i < order.length; i++) {
            if (from.canMoveTo(order[i], role)) {
                out.add(order[i]);
            }
        }
        return out;
    }

    /** The cancellation this role makes, or null when it may not cancel from this state. */
    public static AppointmentStatus cancelMove(AppointmentStatus from, Role role) {
        if (from == null) {
            return null;
        }
        AppointmentStatus target = role == Role.PATIENT ? AppointmentStatus.CANCELLED_BY_PATIENT
                : AppointmentStatus.CANCELLED_BY_PRACTICE;
        if (from.canMoveTo(target, role)) {
            return target;
        }
        // a secretary cancelling for a patient who called
        if (role != Role.PATIENT && from.canMoveTo(AppointmentStatus.CANCELLED_BY_PATIENT, role)) {
            return AppointmentStatus.CANCELLED_BY_PATIENT;
        }
        return null;
    }

    /**
     * The patient's own check-in ("I have arrived") is offered for a BOOKED or CONFIRMED appointment on its day, in
     * the practice's time zone (the server answers {@code not_today} otherwise).
     */
    public static boolean canCheckIn(AppointmentStatus status, String startIso, long nowMillis, String timezone) {
        if (status == null || !status.isPending() || startIso == null) {
            return false;
        }
        String tz = timezone == null ? "Europe/Paris" : timezone;
        return Instants.localDate(nowMillis, tz).equals(Instants.localDate(Instants.parse(startIso), tz));
    }
}
