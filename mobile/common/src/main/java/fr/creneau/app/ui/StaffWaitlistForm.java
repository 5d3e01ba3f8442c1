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
import fr.creneau.app.logic.StaffWaitlistView;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.WaitlistEntryDto;

import java.util.List;

/**
 * The practice's waitlist for the secretariat, in the order freed slots are offered: who waits for what and when,
 * and whose offer awaits an answer until when. On the phone the secretary accepts an offer for the patient (the
 * only way for a patient without the app, whose SMS says to call) or removes an entry, after a confirmation, when
 * the patient no longer needs it. The form's "loaded" property is the number of entries shown, "outcome" the last
 * action's result (booked, removed or the error's code) for the UI tests.
 *
 * <p>A practitioner opens it read-only ("readOnly" property): the server lists the entries waiting for them or for
 * anyone of the practice, and refuses them the accept and remove actions, so the screen does not offer them.
 */
public class StaffWaitlistForm {
    private static final String TZ_DEFAULT = "Europe/Paris";
    private final Form form;
    private final Long practiceId;
    private final SpanLabel msg = Ui.messageArea("staffWaitlistMessage");
    private final Container entries = new Container(BoxLayout.y());
    private final boolean readOnly;

    public StaffWaitlistForm(Form back) {
        this(back, false);
    }

    public StaffWaitlistForm(Form back, boolean readOnly) {
        this.readOnly = readOnly;
        AccountDto acc = Session.get().account();
        practiceId = acc == null ? null : acc.practiceId;
        form = Ui.form("staffWaitlist.title", "PracticeWaitlist", back);
        form.putClientProperty("readOnly", Boolean.valueOf(readOnly));
        form.add(Ui.text(Ui.tr(readOnly ? "staffWaitlist.introPractitioner" : "staffWaitlist.intro"), "Hint"));
        form.add(msg);
        entries.setName("staffWaitlistEntries");
        form.add(entries);
        form.addShowListener(e -> load());
    }

    void load() {
        entries.removeAll();
        if (practiceId == null) {
            return;
        }
        ApiResult<List<WaitlistEntryDto>> res = Api.practiceWaitlist(practiceId);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            form.revalidate();
            return;
        }
        Ui.showMessage(msg, null, false);
        if (res.value.isEmpty()) {
            entries.add(Ui.text(Ui.tr(readOnly ? "staffWaitlist.noneMine" : "staffWaitlist.none"), "EmptyText"));
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < res.value.size(); i++) {
            entries.add(card(res.value.get(i), i + 1, now));
        }
        form.putClientProperty("loaded", Integer.valueOf(res.value.size()));
        form.revalidate();
    }

    private Container card(final WaitlistEntryDto d, int rank, long now) {
        String lang = I18n.language();
        final String tz = d.timezone == null ? TZ_DEFAULT : d.timezone;
        final String who = d.patientName == null ? "" : d.patientName;
        String window = MyWaitlistForm.window(d);
        boolean pending = StaffWaitlistView.offerPending(d, now);
        String state = pending
                ? Ui.tr("staffWaitlist.offerPending", I18n.dates().dateTime(d.offerStart, tz),
                        d.offerPractitionerName == null ? "" : d.offerPractitionerName,
                        I18n.dates().time(Instants.parse(d.offerExpiresAt), tz))
                : Ui.tr("staffWaitlist.waiting");
        SpanLabel stateLine = Ui.wrap(state, pending ? "WarningText" : "CardMeta");
        stateLine.setName("state-" + d.id);
        final SpanLabel cardMsg = Ui.messageArea("entryMessage-" + d.id);
        final Container confirm = new Container(BoxLayout.y());
        Container actions = new Container(BoxLayout.y());
        if (pending && !readOnly) {
            actions.add(Ui.primary("staffWaitlist.accept", "accept-" + d.id, e -> accept(d, tz, cardMsg)));
        }
        if (!readOnly) {
            actions.add(Ui.danger("staffWaitlist.remove", "remove-" + d.id, e -> askRemove(d, who, confirm, cardMsg)));
        }
        com.codename1.ui.Component windowLine = Ui.line(window, "CardMeta");
        windowLine.setName("window-" + d.id);
        Container card = Ui.card(
                Ui.line(Ui.tr("staffWaitlist.rank", String.valueOf(rank), who), "CardTitle"),
                Ui.line(d.motiveLabel(lang) == null ? "" : d.motiveLabel(lang), "CardLine"),
                Ui.line(d.practitionerName != null ? d.practitionerName : Ui.tr("staffWaitlist.anyone"), "CardLine"),
                windowLine,
                stateLine, actions, confirm, cardMsg);
        card.setName("entry-" + d.id);
        return card;
    }

    /** The removal is asked again inside the card: a modal dialog would hang the UI tests, and a tap can slip. */
    private void askRemove(final WaitlistEntryDto d, String who, final Container confirm, final SpanLabel cardMsg) {
        confirm.removeAll();
        SpanLabel q = Ui.wrap(Ui.tr("staffWaitlist.confirmRemove", who), "WarningText");
        q.setName("confirmRemoveText-" + d.id);
        confirm.add(q);
        // one per line: side by side, "Oui, retirer" is cut at large font sizes
        Container yesNo = new Container(BoxLayout.y());
        yesNo.add(Ui.danger("staffWaitlist.confirmRemoveYes", "confirmRemove-" + d.id, e -> remove(d, who, cardMsg)));
        yesNo.add(Ui.secondary("staffWaitlist.confirmRemoveNo", "keep-" + d.id, e -> {
            confirm.removeAll();
            form.revalidate();
        }));
        confirm.add(yesNo);
        form.revalidate();
        form.scrollComponentToVisible(confirm);
    }

    private void remove(WaitlistEntryDto d, String who, SpanLabel cardMsg) {
        ApiResult<Void> res = Api.leaveWaitlist(d.id);
        if (res.ok()) {
            load();
            Ui.showMessage(msg, Ui.tr("staffWaitlist.removed", who), false);
            form.putClientProperty("outcome", "removed");
            return;
        }
        refused(res, cardMsg);
    }

    private void accept(WaitlistEntryDto d, String tz, SpanLabel cardMsg) {
        ApiResult<AppointmentDto> res = Api.claimOffer(d.offerId);
        if (res.ok() && res.value != null) {
            AppointmentDto a = res.value;
            load();
            Ui.showMessage(msg, Ui.tr("staffWaitlist.booked", d.patientName == null ? "" : d.patientName,
                    I18n.dates().dateTime(a.start, tz), a.practitionerName == null ? "" : a.practitionerName), false);
            form.putClientProperty("booked", a.id);
            form.putClientProperty("outcome", "booked");
            form.scrollComponentToVisible(msg);
            return;
        }
        refused(res, cardMsg);
    }

    /** Said in the entry's card, in the staff's words when the waitlist refused; the list is left as it was. */
    private void refused(ApiResult<?> res, SpanLabel cardMsg) {
        String key = StaffWaitlistView.errorKey(res.status, res.code());
        Ui.showMessage(cardMsg, key == null ? res.message() : Ui.tr(key), true);
        form.putClientProperty("outcome", res.code() == null ? String.valueOf(res.status) : res.code());
        form.scrollComponentToVisible(cardMsg);
    }

    public void show() {
        form.show();
    }
}
