package fr.creneau.app.ui;

import com.codename1.ui.Container;
import com.codename1.ui.events.ActionListener;
import com.codename1.ui.layouts.BorderLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.DateText;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AppointmentDto;

/** One appointment in a list: when, who, why, and its state in colour and words. */
public final class AppointmentCard {
    private AppointmentCard() {
    }

    public static Container of(AppointmentDto a, boolean staffView, ActionListener onTap) {
        DateText dt = I18n.dates();
        long start = Instants.parse(a.start);
        String when = staffView ? dt.time(start, a.timezone) + " – " + dt.time(Instants.parse(a.end), a.timezone)
                : dt.dateTime(start, a.timezone);
        // the state first (colour and word), then the texts, which wrap rather than being clipped
        Container c = Ui.card(
                com.codename1.ui.layouts.FlowLayout.encloseIn(Ui.statusBadge(a)),
                Ui.wrap(when, "CardTitle"),
                Ui.wrap(staffView ? a.patientName : a.practitionerName, "CardLine"),
                Ui.wrap(a.motiveLabel(I18n.language()), "CardLine"),
                staffView ? Ui.wrap(Ui.channel(a.channel), "CardMeta") : Ui.wrap(a.patientName, "CardMeta"));
        if (onTap == null) {
            c.setName("appt-" + a.id);
        } else {
            Ui.tappable(c, "appt-" + a.id, onTap);
        }
        if (a.status != null && a.status.isCancelled()) {
            c.setUIID("CardCancelled");
        }
        return c;
    }
}
