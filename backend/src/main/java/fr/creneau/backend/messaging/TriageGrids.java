package fr.creneau.backend.messaging;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.TriageGridDto;
import fr.creneau.model.triage.RedFlag;
import fr.creneau.model.triage.TriageGrid;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A practice's triage grid: the built-in red flags plus the practice's own, which its admin maintains. */
@ApplicationScoped
public class TriageGrids {
    @Inject
    CurrentUser user;

    /** Call inside a session. */
    public Uni<TriageGrid> forPractice(long practiceId) {
        return PracticeRedFlag.<PracticeRedFlag>list("practiceId = ?1 order by id", practiceId)
                .map(rows -> TriageGrid.standard().withExtraFlags(rows.stream().map(TriageGrids::toFlag).toList()));
    }

    /** Public: the app builds the same grid from it before a patient even signs in. */
    @WithSession
    public Uni<TriageGridDto> describe(long practiceId) {
        return Practice.<Practice>findById(practiceId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Practice"))
                .chain(practice -> forPractice(practiceId).map(grid -> {
                    TriageGridDto d = new TriageGridDto();
                    d.practiceId = practiceId;
                    d.flags = new ArrayList<>(grid.flags());
                    d.emergencyNumbers = emergencyNumbers(practice, List.of(TriageGrid.NUMBER_SAMU, TriageGrid.NUMBER_EUROPE));
                    return d;
                }));
    }

    @WithTransaction
    public Uni<RedFlag> add(long practiceId, RedFlag flag) {
        user.requireStaffOf(practiceId, "Practice");
        ProblemException.check(flag.validate());
        if (TriageGrid.standard().flag(flag.code) != null) {
            throw ProblemException.conflict("already_exists", "A built-in red flag has this code");
        }
        PracticeRedFlag row = new PracticeRedFlag();
        row.practiceId = practiceId;
        row.code = flag.code;
        row.labelFr = flag.labelFr.trim();
        row.labelEn = flag.labelEn.trim();
        row.maxAgeMonths = flag.maxAgeMonths;
        row.minTemperature = flag.minTemperature == null ? null : BigDecimal.valueOf(TriageGrid.tenths(flag.minTemperature), 1);
        row.extraNumber = flag.extraNumber;
        return row.<PracticeRedFlag>persistAndFlush().map(TriageGrids::toFlag);
    }

    @WithTransaction
    public Uni<Void> remove(long practiceId, String code) {
        user.requireStaffOf(practiceId, "Practice");
        if (TriageGrid.standard().flag(code) != null) {
            throw ProblemException.unprocessable("built_in_flag", "Built-in red flags cannot be removed");
        }
        return PracticeRedFlag.delete("practiceId = ?1 and code = ?2", practiceId, code).map(n -> {
            if (n == 0) {
                throw ProblemException.notFound("Red flag");
            }
            return null;
        });
    }

    /** The grid's numbers, with the practice's own emergency number first when it differs. */
    public static List<String> emergencyNumbers(Practice practice, List<String> gridNumbers) {
        List<String> out = new ArrayList<>();
        if (practice.emergencyNumber != null && !practice.emergencyNumber.isBlank()) {
            out.add(practice.emergencyNumber);
        }
        for (String n : gridNumbers) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    static RedFlag toFlag(PracticeRedFlag row) {
        RedFlag f = new RedFlag(row.code, row.labelFr, row.labelEn);
        f.maxAgeMonths = row.maxAgeMonths;
        f.minTemperature = row.minTemperature == null ? null : row.minTemperature.doubleValue();
        f.extraNumber = row.extraNumber;
        return f;
    }
}
