package fr.creneau.model;

import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static fr.creneau.model.rules.AppointmentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentStatusTest {

    @Test
    void theWholeGraphIsExactlyThis() {
        for (AppointmentStatus from : values()) {
            Set<AppointmentStatus> expected = switch (from) {
                case BOOKED -> EnumSet.of(CONFIRMED, ARRIVED, NO_SHOW, CANCELLED_BY_PATIENT, CANCELLED_BY_PRACTICE);
                case CONFIRMED -> EnumSet.of(ARRIVED, NO_SHOW, CANCELLED_BY_PATIENT, CANCELLED_BY_PRACTICE);
                case ARRIVED -> EnumSet.of(SEEN);
                default -> EnumSet.noneOf(AppointmentStatus.class);
            };
            for (AppointmentStatus to : values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected.contains(to));
            }
        }
    }

    @Test
    void patientsOnlyConfirmAndCancelTheirOwn() {
        for (AppointmentStatus from : values()) {
            for (AppointmentStatus to : values()) {
                boolean patient = from.canMoveTo(to, Role.PATIENT);
                assertThat(patient).as("patient %s -> %s", from, to)
                        .isEqualTo(from.canMoveTo(to) && (to == CONFIRMED || to == CANCELLED_BY_PATIENT));
                for (Role staff : new Role[]{Role.PRACTITIONER, Role.SECRETARY, Role.PRACTICE_ADMIN}) {
                    assertThat(from.canMoveTo(to, staff)).isEqualTo(from.canMoveTo(to));
                }
            }
        }
    }

    @Test
    void onlyCancelledStatesFreeTheSlot() {
        for (AppointmentStatus s : values()) {
            assertThat(s.holdsSlot()).isEqualTo(s != CANCELLED_BY_PATIENT && s != CANCELLED_BY_PRACTICE);
        }
        assertThat(needsReason(CANCELLED_BY_PATIENT)).isTrue();
        assertThat(needsReason(CANCELLED_BY_PRACTICE)).isTrue();
        assertThat(needsReason(SEEN)).isFalse();
        assertThat(SEEN.isFinal()).isTrue();
        assertThat(BOOKED.isPending()).isTrue();
        assertThat(ARRIVED.isPending()).isFalse();
    }
}
