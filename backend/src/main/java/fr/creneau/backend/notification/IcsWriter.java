package fr.creneau.backend.notification;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The .ics attached to appointment emails, one event per appointment, with the same privacy rules as the text. */
final class IcsWriter {
    private IcsWriter() {
    }

    static byte[] write(List<AppointmentView> appointments) {
        return write(Language.FR, appointments);
    }

    static byte[] write(Language lang, List<AppointmentView> appointments) {
        Calendar calendar = new Calendar().withProdId("-//Creneau//Rendez-vous//FR").withDefaults().getFluentTarget();
        calendar.add(ImmutableMethod.PUBLISH);
        for (AppointmentView a : appointments) {
            String label = a.motiveLabel(lang);
            String summary = NotificationTexts.fill(lang, "ics.summary", "practice", a.practiceName())
                    + (label != null ? " - " + label : "");
            VEvent event = new VEvent(a.startsAt(), a.endsAt(), summary);
            event.add(new Uid("appointment-" + a.id() + "@creneau.fr"));
            event.add(new Location(a.address()));
            calendar.add(event);
        }
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }

}
