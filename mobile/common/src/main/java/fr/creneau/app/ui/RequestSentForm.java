package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.TriageResult;

import java.util.List;

/**
 * A request was sent: its priority (as the server decided with the same grid) and, when URGENT, the practice's
 * earliest same-day slot for its urgency motive, to book at once.
 */
public class RequestSentForm {
    private final Form form;
    private final Container suggestion = new Container(BoxLayout.y());
    private final SpanLabel msg = Ui.messageArea("sentMessage");
    private final PatientRequestDto sent;
    private final AppointmentDto target;
    private final String timezone;

    public RequestSentForm(PatientRequestDto sent, TriageResult local, AppointmentDto target, String timezone,
                           Form back) {
        this.sent = sent;
        this.target = target;
        this.timezone = timezone;
        form = Ui.form("sent.title", "RequestSent", null);
        Priority p = sent.priority != null ? sent.priority : local.priority;
        form.add(Ui.line(Ui.tr("sent.heading"), "ScreenHeading"));
        form.add(RequestView.row(Ui.line(Ui.tr("type." + sent.type.name()), "CardTitle"),
                RequestView.priorityBadge(p, "sentPriority")));
        if (sent.triageReasons != null && !sent.triageReasons.isEmpty()) {
            form.add(Ui.line(Ui.tr("sent.why", RequestView.reasons(sent.triageReasons)), "CardLine"));
        }
        form.add(Ui.line(Ui.tr(p == Priority.URGENT ? "sent.urgent" : "sent.routine"), "CardLine"));
        form.add(msg);
        form.add(suggestion);
        form.add(Ui.secondary("sent.myRequests", "myRequestsButton", e -> new MyRequestsForm(null).show()));
        form.add(Ui.secondary("sent.home", "homeButton", e -> Nav.home()));
        if (p == Priority.URGENT) {
            form.addShowListener(e -> {
                if (form.getClientProperty("suggested") == null) {
                    suggest();
                }
            });
        }
    }

    /** The urgency motive of the practice, then its earliest slot, offered only when it is today. */
    private void suggest() {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<MotiveDto>> motives = Api.practiceMotives(target.practiceId);
        MotiveDto urgent = null;
        for (int i = 0; motives.ok() && i < motives.value.size(); i++) {
            if (motives.value.get(i).urgencyReserve) {
                urgent = motives.value.get(i);
                break;
            }
        }
        SlotDto slot = null;
        String noSlot = Ui.tr("sent.noSlotToday");
        if (!motives.ok()) {
            noSlot = motives.message();
        } else if (urgent != null) {
            ApiResult<SlotDto> s = Api.earliest(target.practiceId, urgent.id);
            String today = Instants.localDate(System.currentTimeMillis(), timezone);
            if (s.ok() && s.value.start != null
                    && today.equals(Instants.localDate(Instants.parse(s.value.start), timezone))) {
                slot = s.value;
            } else if (!s.ok() && s.status != 404) {
                noSlot = s.message();
            }
        }
        Ui.showMessage(msg, null, false);
        suggestion.removeAll();
        suggestion.add(Ui.title(Ui.tr("sent.sameDay")));
        if (slot == null) {
            suggestion.add(Ui.line(noSlot, "EmptyText"));
        } else {
            final SlotDto s = slot;
            final MotiveDto m = urgent;
            suggestion.add(Ui.line(I18n.dates().dateTime(s.start, timezone) + " · " + m.label(I18n.language()),
                    "CardTitle"));
            suggestion.add(Ui.primary("sent.bookSlot", "bookUrgentSlot", e -> book(s, m)));
        }
        form.putClientProperty("suggested", slot == null ? "none" : slot.start);
        form.revalidate();
    }

    /**
     * Opens the confirmation of the slot, with "for whom" set to the patient the request was about (a child, a
     * relative), not the account holder.
     */
    public void book(SlotDto slot, MotiveDto motive) {
        ApiResult<PractitionerDto> pr = Api.practitioner(slot.practitionerId);
        ApiResult<PracticeDto> pc = Api.practice(target.practiceId);
        if (!pr.ok() || !pc.ok()) {
            Ui.showMessage(msg, pr.ok() ? pc.message() : pr.message(), true);
            return;
        }
        BookingContext ctx = new BookingContext();
        ctx.practitioner = pr.value;
        ctx.practice = pc.value;
        ctx.motive = motive;
        ctx.slot = slot;
        ctx.patient = patientOf(sent.patientId);
        new ConfirmForm(ctx, form).show();
    }

    /** The account's patient (the holder or a relative) with this id, or null. */
    private static PatientDto patientOf(Long id) {
        AccountDto acc = Session.get().account();
        for (int i = 0; id != null && acc != null && acc.patients != null && i < acc.patients.size(); i++) {
            if (id.equals(acc.patients.get(i).id)) {
                return acc.patients.get(i);
            }
        }
        return null;
    }

    public void show() {
        form.show();
    }
}
