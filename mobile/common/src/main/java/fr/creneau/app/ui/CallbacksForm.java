package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.CN;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.AbsenceFollowUpDto;
import fr.creneau.model.api.AbsenceProposalDto;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;

import java.util.List;

/**
 * "Patients to call back": the appointments an absence cancelled whose patient has not answered the proposals
 * (no app, a missed SMS), urgent first, then the earliest. The secretary calls, then books the slot the patient
 * chooses on the phone or records that they want none; answered and closed ones follow, for reference.
 */
public class CallbacksForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("callbacksMessage");
    private final Container list = new Container(BoxLayout.y());
    private int loads;

    public CallbacksForm(Form back) {
        form = Ui.form("callbacks.title", "Callbacks", back);
        form.add(Ui.line(Ui.tr("callbacks.intro"), "CardMeta"));
        form.add(msg);
        form.add(list);
        form.addShowListener(e -> load(null, false));
    }

    private void load(String message, boolean error) {
        AccountDto acc = Session.get().account();
        list.removeAll();
        ApiResult<List<AbsenceFollowUpDto>> res = acc == null || acc.practiceId == null ? null
                : Api.absenceFollowUp(acc.practiceId);
        if (res == null || !res.ok()) {
            Ui.showMessage(msg, res == null ? Ui.tr("callbacks.noPractice") : res.message(), true);
        } else {
            Ui.showMessage(msg, message, error);
            int toCall = 0;
            for (int i = 0; i < res.value.size(); i++) {
                if (res.value.get(i).toCall()) {
                    toCall++;
                    list.add(toCall(res.value.get(i)));
                }
            }
            if (toCall == 0) {
                list.add(Ui.text(Ui.tr("callbacks.none"), "EmptyText"));
            }
            boolean titled = false;
            for (int i = 0; i < res.value.size(); i++) {
                AbsenceFollowUpDto d = res.value.get(i);
                if (!d.toCall()) {
                    if (!titled) {
                        list.add(Ui.title(Ui.tr("callbacks.done")));
                        titled = true;
                    }
                    list.add(done(d));
                }
            }
        }
        loads++;
        form.putClientProperty("loads", Integer.valueOf(loads));
        form.revalidate();
    }

    /** A patient still to call: who, what was cancelled, the call, and the two answers they may give. */
    private Container toCall(final AbsenceFollowUpDto d) {
        final String tz = tz(d);
        Container card = new Container(BoxLayout.y());
        card.setUIID("Card");
        card.setName("callback-" + d.id);
        Container head = new Container(new FlowLayout());
        if (d.urgent) {
            Label urgent = new Label(Ui.tr("callbacks.urgent"));
            urgent.setUIID("PriorityUrgent");
            urgent.setName("callbackUrgent-" + d.id);
            head.add(urgent);
        }
        Label state = new Label(Ui.tr("callbacks.state." + d.state));
        state.setUIID(AbsenceFollowUpDto.EXPIRED.equals(d.state) ? "StatusNoShow" : "StatusBooked");
        state.setName("callbackState-" + d.id);
        head.add(state);
        card.add(head);
        card.add(Ui.wrap(d.patientName, "CardTitle"));
        card.add(Ui.wrap(Ui.tr("callbacks.cancelled", I18n.dates().dateTime(d.originalStart, tz), d.practitionerName),
                "CardLine"));
        card.add(Ui.wrap(d.motiveLabel(I18n.language()), "CardMeta"));
        if (d.expiresAt != null) {
            card.add(Ui.wrap(Ui.tr(AbsenceFollowUpDto.EXPIRED.equals(d.state) ? "callbacks.expired" : "callbacks.expires",
                    I18n.dates().dateTime(d.expiresAt, tz)), "CardMeta"));
        }
        if (d.patientPhone != null && d.patientPhone.length() > 0) {
            final String phone = d.patientPhone;
            card.add(Ui.wrap(Ui.tr("callbacks.phone", phone), "CardLine"));
            // a short label: a long one is clipped at large font sizes; the number is on the line above
            Button call = new Button(Ui.tr("callbacks.call"));
            call.setUIID("PrimaryButton");
            call.setName("callbackDial-" + d.id);
            call.addActionListener(e -> CN.dial(phone));
            card.add(call);
        } else {
            card.add(Ui.wrap(Ui.tr("callbacks.noPhone"), "CardMeta"));
        }
        if (AbsenceFollowUpDto.PENDING.equals(d.state)) {
            card.add(Ui.wrap(Ui.tr("callbacks.chosen"), "CardMeta"));
            int shown = 0;
            for (int i = 0; i < d.proposals.size(); i++) {
                final AbsenceProposalDto p = d.proposals.get(i);
                if (!"OPEN".equals(p.status)) {
                    continue;
                }
                Container slot = Ui.card(Ui.wrap(I18n.dates().dateTime(p.start, tz), "CardTitle"),
                        Ui.wrap(p.practitionerName, "CardLine"), Ui.wrap(Ui.tr("callbacks.book"), "CardMeta"));
                Ui.tappable(slot, "callbackAccept-" + d.id + "-" + shown, e -> accept(d, p, tz));
                card.add(slot);
                shown++;
            }
        } else {
            card.add(Ui.wrap(Ui.tr("callbacks.expiredHint"), "CardMeta"));
        }
        // tappable text rather than a button: the sentence wraps instead of being cut
        Container decline = Ui.card(Ui.wrap(Ui.tr("callbacks.decline"), "CardLine"));
        Ui.tappable(decline, "callbackDecline-" + d.id, e -> decline(d));
        card.add(decline);
        return card;
    }

    /** Answered or closed: who, what was cancelled, and how it ended. */
    private Container done(AbsenceFollowUpDto d) {
        String tz = tz(d);
        Label state = new Label(Ui.tr("callbacks.state." + d.state));
        state.setUIID(AbsenceFollowUpDto.ACCEPTED.equals(d.state) ? "StatusConfirmed" : "StatusCancelled");
        state.setName("callbackState-" + d.id);
        Container card = Ui.card(state, Ui.wrap(d.patientName, "CardTitle"),
                Ui.wrap(Ui.tr("callbacks.cancelled", I18n.dates().dateTime(d.originalStart, tz), d.practitionerName),
                        "CardLine"),
                d.answeredVia == null ? null : Ui.wrap(Ui.tr("callbacks.via." + d.answeredVia), "CardMeta"));
        card.setName("callback-" + d.id);
        return card;
    }

    private void accept(AbsenceFollowUpDto d, AbsenceProposalDto p, String tz) {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<AppointmentDto> res = Api.acceptProposalFor(d.id, p.id);
        if (res.ok()) {
            load(Ui.tr("callbacks.booked", d.patientName, I18n.dates().dateTime(p.start, tz)), false);
            // set once the list is reloaded: the tests wait on it
            form.putClientProperty("accepted", d.id);
        } else {
            // taken meanwhile, answered elsewhere or expired: say so, and show what is still open
            load(res.message(), true);
        }
    }

    private void decline(AbsenceFollowUpDto d) {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<AbsenceFollowUpDto> res = Api.declineProposals(d.id);
        if (res.ok()) {
            load(Ui.tr("callbacks.declined", d.patientName), false);
            form.putClientProperty("declined", d.id);
        } else {
            load(res.message(), true);
        }
    }

    private static String tz(AbsenceFollowUpDto d) {
        return d.timezone == null ? "Europe/Paris" : d.timezone;
    }

    public void show() {
        form.show();
    }
}
