package fr.creneau.backend.practice;

import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.SiteDto;

import java.util.ArrayList;
import java.util.List;

/** The API view of the practice catalogue. */
public final class PracticeMapper {
    private PracticeMapper() {
    }

    public static PracticeDto toDto(Practice p, List<Site> sites) {
        PracticeDto d = new PracticeDto();
        d.id = p.id;
        d.name = p.name;
        d.timezone = p.timezone;
        d.phone = p.phone;
        d.emergencyNumber = p.emergencyNumber;
        d.reachableHours = p.reachableHours;
        d.substitute = p.substitute;
        d.cancellationCutoffHours = p.cancellationCutoffHours;
        List<SiteDto> out = new ArrayList<>();
        for (Site s : sites) {
            out.add(toDto(s));
        }
        d.sites = out;
        return d;
    }

    public static SiteDto toDto(Site s) {
        SiteDto d = new SiteDto();
        d.id = s.id;
        d.name = s.name;
        d.address = s.address;
        d.phone = s.phone;
        return d;
    }

    public static PractitionerDto toDto(Practitioner p, Practice practice, boolean absentNow, List<Long> siteIds) {
        PractitionerDto d = new PractitionerDto();
        d.id = p.id;
        d.practiceId = p.practiceId;
        d.practiceName = practice == null ? null : practice.name;
        d.lastName = p.lastName;
        d.firstName = p.firstName;
        d.specialty = p.specialty;
        d.absentNow = absentNow;
        d.siteIds = siteIds;
        return d;
    }

    public static MotiveDto toDto(Motive m) {
        MotiveDto d = new MotiveDto();
        d.id = m.id;
        d.practiceId = m.practiceId;
        d.labelFr = m.labelFr;
        d.labelEn = m.labelEn;
        d.durationMinutes = m.durationMinutes;
        d.bookableOnline = m.bookableOnline;
        d.openToNewPatients = m.openToNewPatients;
        d.urgencyReserve = m.urgencyReserve;
        d.preparationFr = m.preparationFr;
        d.preparationEn = m.preparationEn;
        return d;
    }

    /** Copies the editable fields; the id and the practice never come from the body. */
    public static void apply(MotiveDto d, Motive m) {
        m.labelFr = d.labelFr.trim();
        m.labelEn = d.labelEn.trim();
        m.durationMinutes = d.durationMinutes;
        m.bookableOnline = d.bookableOnline;
        m.openToNewPatients = d.openToNewPatients;
        m.urgencyReserve = d.urgencyReserve;
        m.preparationFr = d.preparationFr;
        m.preparationEn = d.preparationEn;
    }
}
