package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.io.Util;
import com.codename1.ui.Button;
import com.codename1.ui.ButtonGroup;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.RadioButton;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.SiteDto;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Check the slot, choose who it is for (self or a relative; the channel for the secretariat), and book. */
public class ConfirmForm {
    private final Form form;
    private final BookingContext ctx;
    private final SpanLabel msg = Ui.messageArea("confirmMessage");
    /** One key per booking or move attempt, so that a retry after a timeout does not book or move twice. */
    private final String idempotencyKey = "app-" + System.currentTimeMillis() + "-" + new java.util.Random().nextInt(1000000);

    public ConfirmForm(final BookingContext ctx, Form back) {
        this.ctx = ctx;
        form = Ui.form(ctx.moving != null ? "confirm.titleMove" : "confirm.title", "Confirm", back);
        String tz = ctx.timezone();
        form.add(Ui.line(I18n.dates().dateTime(ctx.slot.start, tz), "ScreenHeading"));
        form.add(Ui.line(ctx.practitioner.fullName(), "CardLine"));
        form.add(Ui.line(ctx.motive.label(I18n.language()) + " · " + Ui.tr("motive.minutes", ctx.motive.durationMinutes),
                "CardLine"));
        String address = address();
        if (address != null) {
            form.add(Ui.text(Ui.tr("confirm.address", address), "CardMeta"));
        }
        final List<PatientDto> choices = new ArrayList<PatientDto>();
        final ButtonGroup group = new ButtonGroup();
        if (ctx.moving == null && !ctx.staff) {
            AccountDto acc = Session.get().account();
            if (acc != null && acc.patients != null) {
                choices.addAll(acc.patients);
            }
            form.add(Ui.title(Ui.tr("confirm.forWhom")));
            for (int i = 0; i < choices.size(); i++) {
                RadioButton rb = new RadioButton(choices.get(i).fullName());
                rb.setName("patient" + i);
                rb.setToggle(true);
                rb.setUIID("Choice");
                group.add(rb);
                form.add(rb);
            }
            if (!choices.isEmpty()) {
                // the patient already known (the one an urgent request was about), else the account holder
                group.setSelected(Math.max(0, indexOf(choices, ctx.patient)));
            }
        } else if (ctx.staff && ctx.moving == null) {
            form.add(Ui.line(Ui.tr("confirm.patient", ctx.patient.fullName()), "CardLine"));
            addNoShows();
            form.add(Ui.title(Ui.tr("confirm.channel")));
            Container ch = new Container(BoxLayout.y());
            final RadioButton phone = new RadioButton(Ui.channel(Channel.PHONE));
            phone.setName("channelPhone");
            phone.setToggle(true);
            phone.setUIID("Choice");
            final RadioButton desk = new RadioButton(Ui.channel(Channel.DESK));
            desk.setName("channelDesk");
            desk.setToggle(true);
            desk.setUIID("Choice");
            ButtonGroup cg = new ButtonGroup(phone, desk);
            if (ctx.channel == Channel.DESK) {
                desk.setSelected(true);
            } else {
                phone.setSelected(true);
                ctx.channel = Channel.PHONE;
            }
            phone.addActionListener(e -> ctx.channel = Channel.PHONE);
            desk.addActionListener(e -> ctx.channel = Channel.DESK);
            ch.add(phone).add(desk);
            form.add(ch);
        }
        String prep = ctx.motive.preparation(I18n.language());
        if (prep != null && prep.length() > 0) {
            form.add(Ui.text(Ui.tr("motive.preparation", prep), "Hint"));
        }
        form.add(msg);
        Button ok = Ui.primary(ctx.moving != null ? "confirm.submitMove" : "confirm.submit", "confirmButton", e -> {
            if (ctx.moving != null) {
                ApiResult<AppointmentDto> res = Api.reschedule(ctx.moving.id, ctx.slot.start,
                        ctx.slot.practitionerId != null ? ctx.slot.practitionerId : ctx.practitioner.id, idempotencyKey);
                done(res);
                return;
            }
            BookingRequest r = new BookingRequest();
            r.practitionerId = ctx.slot.practitionerId != null ? ctx.slot.practitionerId : ctx.practitioner.id;
            r.motiveId = ctx.motive.id;
            r.siteId = ctx.slot.siteId;
            r.start = ctx.slot.start;
            r.channel = ctx.staff ? ctx.channel : Channel.ONLINE;
            if (ctx.staff) {
                r.patientId = ctx.patient.id;
            } else {
                int sel = group.getSelectedIndex();
                r.patientId = sel >= 0 && sel < choices.size() ? choices.get(sel).id : null;
            }
            List<FieldError> errs = r.validate();
            if (!errs.isEmpty()) {
                Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            done(Api.book(r, idempotencyKey));
        });
        form.add(ok);
    }

    private void done(ApiResult<AppointmentDto> res) {
        if (res.ok() && res.value != null) {
            new BookedForm(res.value, ctx).show();
        } else if ("secretary_booking_required".equals(res.code())) {
            String phone = ctx.practice != null && ctx.practice.phone != null ? ctx.practice.phone : "";
            Ui.showMessage(msg, Ui.tr("error.secretary_booking_required_phone", phone), true);
        } else {
            // the server's reason (slot_taken, patient_busy, concurrent_update...), never a guess from the status
            if ("slot_taken".equals(res.code())) {
                ctx.slotsStale = true;
            }
            Ui.showMessage(msg, res.message(), true);
        }
    }

    private static int indexOf(List<PatientDto> choices, PatientDto p) {
        for (int i = 0; p != null && p.id != null && i < choices.size(); i++) {
            if (p.id.equals(choices.get(i).id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The caller's unexcused no-shows at this practice, and what the practice's rule makes of them: past it the
     * patient cannot book online any more, and the secretariat books them (the server decides; this only says it).
     */
    private void addNoShows() {
        int unexcused = ctx.patient.noShowCount == null ? 0 : ctx.patient.noShowCount.intValue();
        int excused = ctx.patient.excusedNoShowCount == null ? 0 : ctx.patient.excusedNoShowCount.intValue();
        Integer max = ctx.practice == null ? null : ctx.practice.maxUnexcusedNoShows;
        String text = Ui.tr("noShow.count", unexcused, excused);
        if (fr.creneau.model.api.NoShowPolicyDto.secretaryBookingRequired(max, unexcused)) {
            text = text + "\n" + Ui.tr("noShow.ruleReached", max);
        } else if (max != null) {
            text = text + "\n" + Ui.tr("noShow.rule", max);
        }
        SpanLabel info = Ui.text(text, unexcused > 0 ? "Hint" : "CardMeta");
        info.setName("noShowInfo");
        form.add(info);
    }

    private String address() {
        if (ctx.practice == null || ctx.practice.sites == null) {
            return null;
        }
        for (int i = 0; i < ctx.practice.sites.size(); i++) {
            SiteDto s = ctx.practice.sites.get(i);
            if (ctx.slot.siteId == null || ctx.slot.siteId.equals(s.id)) {
                return s.address;
            }
        }
        return null;
    }

    public void show() {
        form.show();
    }
}
