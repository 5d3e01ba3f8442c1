package fr.creneau.backend.appointment;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * "Now" for the appointment rules (cutoff, no-show, arrival day). A default bean, so that a Clock produced
 * elsewhere (the schedule package, or a test) takes precedence without an ambiguity.
 */
public class AppointmentClock {
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
