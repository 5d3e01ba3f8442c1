package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Component;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.StatusView;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;

import java.util.List;

/**
 * One appointment. Patients cancel with a reason (past the practice's cutoff the server answers
 * {@code cancel_cutoff_passed} and the screen says to call, with the number) or move it. Staff also mark it
 * arrived / seen / no-show: only the moves {@link AppointmentStatus#canMoveTo(AppointmentStatus, Role)} allows.
 */
public class AppointmentForm {
    private final Form form;
    private final Form back;
    private AppointmentDto appt;
    private PracticeDto practice;
    private final Container body = new Container(BoxLayout.y());
    private final SpanLabel msg = Ui.messageArea("appointmentMessage");
    private TextField cancelReason;

    public AppointmentForm(AppointmentDto a, Form back) {
        this.appt = a;
        this.back = back;
        form = Ui.form("appointment.title", "Appointment", back);
        form.add(msg);
        form.add(body);
        render();
        form.addShowListener(e -> {
            if (practice == null && appt.practiceId != null) {
                ApiResult<PracticeDto> p = Api.practice(appt.practiceId);
                if (p.ok()) {
                    practice = p.value;
                }
            }
        });
    }

    private Role role() {
        Role r = Session.get().role();
        return r == null ? Role.PATIENT : r;
    }

    private void render() {
        body.removeAll();
        AppointmentDto a = appt;
        body.add(com.codename1.ui.layouts.FlowLayout.encloseIn(Ui.statusBadge(a)));
        Component when = Ui.line(I18n.dates().dateTime(a.start, a.timezone), "ScreenHeading");
        when.setName("apptWhen");
        body.add(when);
        body.add(Ui.line(a.practitionerName, "CardLine"));
        body.add(Ui.line(Ui.tr("confirm.patient", a.patientName == null ? "" : a.patientName), "CardLine"));
        body.add(Ui.line(a.motiveLabel(I18n.language()), "CardLine"));
        if (a.siteAddress != null) {
            body.add(Ui.text(Ui.tr("confirm.address", a.siteAddress), "CardMeta"));
        }
        body.add(Ui.line(Ui.tr("appointment.channel", Ui.channel(a.channel)), "CardMeta"));
        if (a.cancelReason != null) {
            body.add(Ui.text(Ui.tr("appointment.cancelReason", a.cancelReason), "CardMeta"));
        }
        final Role role = role();
        // status moves for staff (arrived, seen, no-show, confirm), as the shared rules allow
        if (role.isStaff()) {
            List<AppointmentStatus> moves = StatusView.staffMoves(a.status, role);
            // a no-show is excused or not: only unexcused ones count against the patient (the practice's rule)
            final com.codename1.ui.CheckBox excused = new com.codename1.ui.CheckBox(Ui.tr("noShow.excusedChoice"));
            excused.setName("noShowExcused");
            excused.setUIID("Choice");
            if (!moves.isEmpty()) {
                Container row = new Container(new GridLayout(1, moves.size()));
                for (int i = 0; i < moves.size(); i++) {
                    final AppointmentStatus target = moves.get(i);
                    row.add(Ui.button("move." + target.name(), "move-" + target.name(), "ActionButton",
                            e -> {
                                if (target == AppointmentStatus.NO_SHOW) {
                                    done(Api.markNoShow(appt.id, excused.isSelected()), "appointment.updated");
                                } else {
                                    change(target, null);
                                }
                            }));
                }
                body.add(Ui.title(Ui.tr("appointment.mark")));
                body.add(row);
                if (moves.contains(AppointmentStatus.NO_SHOW)) {
                    body.add(excused);
                }
            }
            if (a.status == AppointmentStatus.NO_SHOW) {
                final boolean isExcused = Boolean.TRUE.equals(a.noShowExcused);
                body.add(Ui.line(Ui.tr(isExcused ? "noShow.excused" : "noShow.unexcused"), "CardMeta"));
                body.add(Ui.secondary(isExcused ? "noShow.unexcuse" : "noShow.excuse", "excuseToggle",
                        e -> done(Api.excuseNoShow(appt.id, !isExcused), "appointment.updated")));
            }
        } else if (StatusView.canCheckIn(a.status, a.start, System.currentTimeMillis(), a.timezone)) {
            // the patient's own check-in, on the appointment's day only (the server checks it too: not_today)
            body.add(Ui.primary("appointment.checkIn", "checkInButton", e -> checkIn()));
        }
        if (!role.isStaff() && a.status != null && a.status.canMoveTo(AppointmentStatus.CONFIRMED, role)) {
            body.add(Ui.secondary("move.CONFIRMED", "move-CONFIRMED", e -> change(AppointmentStatus.CONFIRMED, null)));
        }
        if (a.status != null && a.status.isPending()) {
            body.add(Ui.secondary("appointment.reschedule", "rescheduleButton", e -> reschedule()));
        }
        final AppointmentStatus cancel = StatusView.cancelMove(a.status, role);
        if (cancel != null) {
            body.add(Ui.title(Ui.tr("appointment.cancelTitle")));
            final TextField reason = Ui.field(body, "appointment.reason", "cancelReason", "", TextArea.ANY);
            cancelReason = reason;
            body.add(Ui.danger("appointment.cancel", "cancelButton", e -> change(cancel, reason.getText().trim())));
        }
        form.revalidate();
    }

    private void change(AppointmentStatus target, String reason) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = target;
        r.reason = reason == null || reason.length() == 0 ? null : reason;
        List<FieldError> errs = r.validate();
        if (!errs.isEmpty()) {
            Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
            return;
        }
        ApiResult<AppointmentDto> res = Api.changeStatus(appt.id, target, r.reason);
        if (res.ok() && res.value != null) {
            appt = res.value;
            Ui.showMessage(msg, Ui.tr(target.isCancelled() ? "appointment.cancelled" : "appointment.updated"), false);
            render();
        } else if ("cancel_cutoff_passed".equals(res.code())) {
            String phone = practice != null && practice.phone != null ? practice.phone : "";
            Integer hours = practice == null ? null : practice.cancellationCutoffHours;
            Ui.showMessage(msg, Ui.tr("appointment.cutoffPassed", hours == null ? "" : String.valueOf(hours), phone),
                    true);
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    /** A status change as the buttons make it (a push's Confirm action goes through here). */
    public void apply(AppointmentStatus target, String reason) {
        change(target, reason);
    }

    /** Brings the cancel section into view with the cursor in the reason (a push's Cancel action). */
    public void focusCancel() {
        if (cancelReason != null) {
            form.scrollComponentToVisible(cancelReason);
            cancelReason.requestFocus();
        }
    }

    private void done(ApiResult<AppointmentDto> res, String okKey) {
        if (res.ok() && res.value != null) {
            appt = res.value;
            Ui.showMessage(msg, Ui.tr(okKey), false);
            render();
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    private void checkIn() {
        ApiResult<AppointmentDto> res = Api.checkIn(appt.id);
        if (res.ok() && res.value != null) {
            appt = res.value;
            Ui.showMessage(msg, Ui.tr("appointment.checkedIn"), false);
            render();
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    /** Moving keeps the motive: straight to the free slots of the same practitioner. */
    private void reschedule() {
        BookingContext ctx = new BookingContext();
        ctx.moving = appt;
        ctx.staff = role().isStaff();
        ctx.practice = practice;
        PractitionerDto p = new PractitionerDto();
        p.id = appt.practitionerId;
        p.practiceId = appt.practiceId;
        p.lastName = appt.practitionerName;
        ctx.practitioner = p;
        MotiveDto m = new MotiveDto();
        m.id = appt.motiveId;
        m.labelFr = appt.motiveLabelFr;
        m.labelEn = appt.motiveLabelEn;
        ApiResult<List<MotiveDto>> motives = Api.practitionerMotives(appt.practitionerId);
        if (motives.ok()) {
            for (int i = 0; i < motives.value.size(); i++) {
                if (motives.value.get(i).id.equals(appt.motiveId)) {
                    m = motives.value.get(i);
                }
            }
        }
        ctx.motive = m;
        new SlotsForm(ctx, form).show();
    }

    public void show() {
        form.show();
    }
}
