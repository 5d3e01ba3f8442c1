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
        Calendar calendar = new Calendar().withProdId("-//Creneau//Rendez-vous//FR").withDefaults().getFluentTarget();
        calendar.add(ImmutableMethod.PUBLISH);
        for (AppointmentView a : appointments) {
            String summary = "Rendez-vous " + a.practiceName() + (a.motiveLabel() != null ? " - " + a.motiveLabel() : "");
            VEvent event = new VEvent(a.startsAt(), a.endsAt(), summary);
            event.add(new Uid("appointment-" + a.id() + "@creneau.fr"));
            event.add(new Location(a.address()));
            calendar.add(event);
        }
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }

}
