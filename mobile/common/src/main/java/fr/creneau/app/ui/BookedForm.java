package fr.creneau.app.ui;

import com.codename1.ui.Form;
import fr.creneau.app.I18n;
import fr.creneau.model.api.AppointmentDto;

/** Booked: where to go, what to bring, how to cancel. */
public class BookedForm {
    private final Form form;

    public BookedForm(AppointmentDto a, BookingContext ctx) {
        form = Ui.form(ctx.moving != null ? "booked.titleMove" : "booked.title", "Booked", null);
        String tz = a.timezone != null ? a.timezone : ctx.timezone();
        form.add(Ui.line(Ui.tr("booked.done"), "SuccessText"));
        form.add(com.codename1.ui.layouts.FlowLayout.encloseIn(Ui.statusBadge(a)));
        form.add(Ui.line(I18n.dates().dateTime(a.start, tz), "ScreenHeading"));
        form.add(Ui.line(a.practitionerName != null ? a.practitionerName : ctx.practitioner.fullName(), "CardLine"));
        form.add(Ui.line(a.motiveLabel(I18n.language()), "CardLine"));
        if (a.patientName != null) {
            form.add(Ui.line(Ui.tr("confirm.patient", a.patientName), "CardLine"));
        }
        form.add(Ui.title(Ui.tr("booked.where")));
        form.add(Ui.text(a.siteAddress != null ? a.siteAddress
                : (ctx.practice != null ? ctx.practice.name : ""), "CardLine"));
        form.add(Ui.title(Ui.tr("booked.bring")));
        String prep = ctx.motive == null ? null : ctx.motive.preparation(I18n.language());
        form.add(Ui.text(prep != null && prep.length() > 0 ? prep : Ui.tr("booked.bringDefault"), "CardLine"));
        form.add(Ui.title(Ui.tr("booked.howToCancel")));
        Integer cutoff = ctx.practice == null ? null : ctx.practice.cancellationCutoffHours;
        String phone = ctx.practice == null ? null : ctx.practice.phone;
        form.add(Ui.text(cutoff == null ? Ui.tr("booked.cancelInApp")
                : Ui.tr("booked.cancelRule", cutoff, phone == null ? "" : phone), "CardLine"));
        form.add(Ui.primary(ctx.staff ? "booked.backToAgenda" : "booked.myAppointments", "doneButton", e -> Nav.home()));
    }

    public void show() {
        form.show();
    }
}
