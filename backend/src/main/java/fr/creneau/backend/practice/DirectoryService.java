package fr.creneau.backend.practice;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.schedule.Absence;
import fr.creneau.backend.schedule.OpeningRange;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public directory (practitioners, practices, motives) and the motive catalogue that a practice admin keeps.
 * Patients and anonymous callers only ever see motives bookable online; staff of the practice see them all.
 */
@ApplicationScoped
public class DirectoryService {
    static final int MAX_RESULTS = 100;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @WithSession
    public Uni<List<PractitionerDto>> search(String q, String specialty, Long practiceId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(p.lastName) like :q escape '!' or lower(p.firstName) like :q escape '!'"
                    + " or lower(concat(p.firstName, ' ', p.lastName)) like :q escape '!'"
                    + " or p.practiceId in (select pr.id from Practice pr where lower(pr.name) like :q escape '!'))");
            params.put("q", "%" + likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (specialty != null && !specialty.isBlank()) {
            where.append(" and lower(p.specialty) = :specialty");
            params.put("specialty", specialty.trim().toLowerCase(Locale.ROOT));
        }
        if (practiceId != null) {
            where.append(" and p.practiceId = :practiceId");
            params.put("practiceId", practiceId);
        }
        return Practitioner.<Practitioner>find("from Practitioner p where " + where + " order by p.lastName, p.firstName, p.id", params)
                .page(0, MAX_RESULTS).list()
                .flatMap(this::describe);
    }

    @WithSession
    public Uni<PractitionerDto> practitioner(long id) {
        return Practitioner.<Practitioner>findById(id).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practitioner");
            }
            return describe(List.of(p)).map(list -> list.get(0));
        });
    }

    @WithSession
    public Uni<PracticeDto> practice(Viewer viewer, long id) {
        return Practice.<Practice>findById(id).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practice");
            }
            return Site.<Site>list("practiceId = ?1 order by id", id).map(sites -> {
                PracticeDto d = PracticeMapper.toDto(p, sites);
                // the practice's own rule about its patients: its staff only
                d.maxUnexcusedNoShows = viewer.isStaffOf(id) ? p.maxUnexcusedNoShows : null;
                return d;
            });
        });
    }

    @WithSession
    public Uni<List<MotiveDto>> practiceMotives(Viewer viewer, long practiceId) {
        return Practice.<Practice>findById(practiceId).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practice");
            }
            return Motive.<Motive>list("practiceId = ?1 order by labelFr, id", practiceId)
                    .map(motives -> visible(viewer, practiceId, motives));
        });
    }

    /** The motives the practitioner's ranges accept. */
    @WithSession
    public Uni<List<MotiveDto>> practitionerMotives(Viewer viewer, long practitionerId) {
        return Practitioner.<Practitioner>findById(practitionerId).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practitioner");
            }
            return OpeningRange.<OpeningRange>list("practitionerId", practitionerId).flatMap(ranges -> {
                Set<Long> ids = new HashSet<>();
                for (OpeningRange r : ranges) {
                    for (Long m : r.motiveIds) {
                        ids.add(m);
                    }
                }
                if (ids.isEmpty()) {
                    return Uni.createFrom().item(List.<MotiveDto>of());
                }
                return Motive.<Motive>list("id in ?1 and practiceId = ?2 order by labelFr, id", ids, p.practiceId)
                        .map(motives -> visible(viewer, p.practiceId, motives));
            });
        });
    }

    @WithTransaction
    public Uni<MotiveDto> createMotive(long practiceId, MotiveDto dto) {
        if (!Viewer.of(currentUser).isStaffOf(practiceId)) {
            throw ProblemException.notFound("Practice");
        }
        ProblemException.check(dto.validate());
        Motive m = new Motive();
        m.practiceId = practiceId;
        PracticeMapper.apply(dto, m);
        return m.<Motive>persist().map(PracticeMapper::toDto);
    }

    @WithTransaction
    public Uni<MotiveDto> updateMotive(long motiveId, MotiveDto dto) {
        Viewer viewer = Viewer.of(currentUser);
        return Motive.<Motive>findById(motiveId).map(m -> {
            if (m == null || !viewer.isStaffOf(m.practiceId)) {
                throw ProblemException.notFound("Motive");
            }
            ProblemException.check(dto.validate());
            PracticeMapper.apply(dto, m);
            return PracticeMapper.toDto(m);
        });
    }

    private static List<MotiveDto> visible(Viewer viewer, long practiceId, List<Motive> motives) {
        boolean staff = viewer.isStaffOf(practiceId);
        List<MotiveDto> out = new ArrayList<>();
        for (Motive m : motives) {
            if (staff || m.bookableOnline) {
                out.add(PracticeMapper.toDto(m));
            }
        }
        return out;
    }

    /** Adds practice names, the sites each practitioner receives at, and who is away right now. */
    private Uni<List<PractitionerDto>> describe(List<Practitioner> practitioners) {
        if (practitioners.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> ids = new HashSet<>();
        Set<Long> practiceIds = new HashSet<>();
        for (Practitioner p : practitioners) {
            ids.add(p.id);
            practiceIds.add(p.practiceId);
        }
        Instant now = clock.instant();
        return Practice.<Practice>list("id in ?1", practiceIds).flatMap(practices -> OpeningRange
                .<OpeningRange>list("practitionerId in ?1", ids).flatMap(ranges -> Absence
                        .<Absence>list("practitionerId in ?1 and startsAt <= ?2 and endsAt > ?2", ids, now)
                        .map(absences -> {
                            Map<Long, Practice> byId = new HashMap<>();
                            for (Practice pr : practices) {
                                byId.put(pr.id, pr);
                            }
                            Set<Long> away = new HashSet<>();
                            for (Absence a : absences) {
                                away.add(a.practitionerId);
                            }
                            Map<Long, Set<Long>> sites = new HashMap<>();
                            for (OpeningRange r : ranges) {
                                sites.computeIfAbsent(r.practitionerId, k -> new TreeSet<>()).add(r.siteId);
                            }
                            List<PractitionerDto> out = new ArrayList<>();
                            for (Practitioner p : practitioners) {
                                out.add(PracticeMapper.toDto(p, byId.get(p.practiceId), away.contains(p.id),
                                        new ArrayList<>(sites.getOrDefault(p.id, Set.of()))));
                            }
                            return out;
                        })));
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
