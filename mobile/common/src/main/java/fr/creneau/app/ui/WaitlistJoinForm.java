package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.ButtonGroup;
import com.codename1.ui.CheckBox;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.RadioButton;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.WaitlistEntryDto;
import fr.creneau.model.rules.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the waitlist when no slot fits: the practitioner (or anyone of the practice) and motive already chosen, a
 * window of dates and optionally of times, and for whom (self or a relative; the caller for the secretariat). The
 * server offers a freed slot that matches; the app only collects the wish.
 */
public class WaitlistJoinForm {
    private static final int DEFAULT_DAYS = 14;
    private final Form form;
    private final BookingContext ctx;
    private final SpanLabel msg = Ui.messageArea("waitlistMessage");

    /** Told of the new entry (the call screen goes back to the call with it); null: this screen says it. */
    public interface Joined {
        void joined(WaitlistEntryDto entry);
    }

    public WaitlistJoinForm(final BookingContext ctx, Form back) {
        this(ctx, back, null);
    }

    public WaitlistJoinForm(final BookingContext ctx, Form back, final Joined onJoined) {
        this.ctx = ctx;
        form = Ui.form("waitlist.joinTitle", "WaitlistJoin", back);
        form.add(Ui.text(Ui.tr(ctx.staff ? "waitlist.joinIntroStaff" : "waitlist.joinIntro"), "Hint"));
        form.add(Ui.line(ctx.practitioner.fullName() + " · " + ctx.motive.label(I18n.language()), "CardLine"));
        final CheckBox anyone = new CheckBox(Ui.tr("waitlist.anyPractitioner"));
        anyone.setName("anyPractitioner");
        anyone.setUIID("Choice");
        form.add(anyone);

        String today = Instants.localDate(System.currentTimeMillis(), ctx.timezone());
        Container fields = new Container(BoxLayout.y());
        final TextField from = Ui.dateField(fields, "waitlist.fromDate", "fromDate", today);
        final TextField to = Ui.dateField(fields, "waitlist.toDate", "toDate", Instants.addDays(today, DEFAULT_DAYS));
        final TextField fromTime = Ui.field(fields, "waitlist.fromTime", "fromTime", "", TextArea.ANY);
        final TextField toTime = Ui.field(fields, "waitlist.toTime", "toTime", "", TextArea.ANY);
        form.add(fields);
        form.add(Ui.text(Ui.tr("waitlist.timesHint"), "Hint"));

        final List<PatientDto> choices = new ArrayList<PatientDto>();
        final ButtonGroup group = new ButtonGroup();
        if (ctx.staff) {
            form.add(Ui.line(Ui.tr("confirm.patient", ctx.patient.fullName()), "CardLine"));
        } else {
            AccountDto acc = Session.get().account();
            if (acc != null && acc.patients != null) {
                choices.addAll(acc.patients);
            }
            form.add(Ui.title(Ui.tr("confirm.forWhom")));
            for (int i = 0; i < choices.size(); i++) {
                RadioButton rb = new RadioButton(choices.get(i).fullName());
                rb.setName("wlPatient" + i);
                rb.setToggle(true);
                rb.setUIID("Choice");
                group.add(rb);
                form.add(rb);
            }
            if (!choices.isEmpty()) {
                group.setSelected(0);
            }
        }
        form.add(msg);
        form.add(Ui.primary(ctx.staff ? "waitlist.joinStaff" : "waitlist.join", "joinWaitlistButton", e -> {
            WaitlistEntryDto d = new WaitlistEntryDto();
            if (ctx.staff) {
                d.patientId = ctx.patient.id;
            } else {
                int sel = group.getSelectedIndex();
                d.patientId = sel >= 0 && sel < choices.size() ? choices.get(sel).id : null;
            }
            d.practitionerId = anyone.isSelected() ? null : ctx.practitioner.id;
            d.motiveId = ctx.motive.id;
            d.fromDate = Ui.isoDate(from);
            d.toDate = Ui.isoDate(to);
            d.fromTime = blankToNull(fromTime.getText());
            d.toTime = blankToNull(toTime.getText());
            List<FieldError> errs = d.validate();
            if (!errs.isEmpty()) {
                Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            ApiResult<WaitlistEntryDto> res = Api.joinWaitlist(ctx.practitioner.practiceId, d);
            if (!res.ok()) {
                Ui.showMessage(msg, res.message(), true);
                return;
            }
            if (onJoined != null) {
                onJoined.joined(res.value);
            } else if (ctx.staff) {
                Ui.showMessage(msg, Ui.tr("waitlist.joinedFor", ctx.patient.fullName()), false);
                form.putClientProperty("joined", res.value.id);
            } else {
                new MyWaitlistForm(null).show();
            }
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.trim().length() == 0 ? null : s.trim();
    }

    public void show() {
        form.show();
    }
}
