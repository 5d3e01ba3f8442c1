package fr.creneau.app.ui;

import com.codename1.ui.Button;
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
        Container c = Ui.card(
                Ui.line(when, "CardTitle"),
                Ui.line(staffView ? a.patientName : a.practitionerName, "CardLine"),
                Ui.line(a.motiveLabel(I18n.language()), "CardLine"),
                staffView ? Ui.line(Ui.channel(a.channel), "CardMeta") : Ui.line(a.patientName, "CardMeta"));
        c.add(BorderLayout.EAST, com.codename1.ui.layouts.BoxLayout.encloseY(Ui.statusBadge(a)));
        if (onTap != null) {
            Button hidden = new Button();
            hidden.setName("appt-" + a.id);
            hidden.addActionListener(onTap);
            c.setLeadComponent(hidden);
            c.add(BorderLayout.SOUTH, hidden);
            hidden.setUIID("Container");
        }
        if (a.status != null && a.status.isCancelled()) {
            c.setUIID("CardCancelled");
        }
        return c;
    }
}
