package fr.creneau.backend.schedule;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * "Now" for every time rule. A default bean, so that a test can produce its own Clock and move time instead of
 * waiting for it.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
