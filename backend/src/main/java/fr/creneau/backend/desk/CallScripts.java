package fr.creneau.backend.desk;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.CallScriptDto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-motive call scripts. They live in columns this package added to {@code motive}; the Motive entity and
 * MotiveDto belong to the booking core and stay untouched, so these are read and written with SQL here.
 */
@ApplicationScoped
public class CallScripts {
    private static final String COLUMNS = "id, label_fr, label_en, script_questions_fr, script_questions_en,"
            + " script_answers_fr, script_answers_en";

    @Inject
    CurrentUser user;

    @WithSession
    public Uni<List<CallScriptDto>> forPractice(long practiceId) {
        user.requireStaffOf(practiceId, "Practice");
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM motive WHERE practice_id = :p ORDER BY id", Object[].class)
                .setParameter("p", practiceId).getResultList())
                .map(rows -> rows.stream().map(CallScripts::toDto).toList());
    }

    @WithTransaction
    public Uni<CallScriptDto> update(long motiveId, CallScriptDto in) {
        ProblemException.check(in.validate());
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT practice_id FROM motive WHERE id = :m", Long.class)
                .setParameter("m", motiveId).getResultList()
                .chain(found -> {
                    if (found.isEmpty()) {
                        throw ProblemException.notFound("Motive");
                    }
                    user.requireStaffOf(found.get(0), "Motive");
                    return s.createNativeQuery("UPDATE motive SET script_questions_fr = :qf, script_questions_en = :qe,"
                                    + " script_answers_fr = :af, script_answers_en = :ae WHERE id = :m")
                            .setParameter("qf", join(in.questionsFr)).setParameter("qe", join(in.questionsEn))
                            .setParameter("af", join(in.answersFr)).setParameter("ae", join(in.answersEn))
                            .setParameter("m", motiveId).executeUpdate();
                })
                .chain(() -> s.createNativeQuery("SELECT " + COLUMNS + " FROM motive WHERE id = :m", Object[].class)
                        .setParameter("m", motiveId).getSingleResult()))
                .map(CallScripts::toDto);
    }

    private static CallScriptDto toDto(Object[] row) {
        CallScriptDto d = new CallScriptDto();
        d.motiveId = ((Number) row[0]).longValue();
        d.labelFr = (String) row[1];
        d.labelEn = (String) row[2];
        d.questionsFr = split((String) row[3]);
        d.questionsEn = split((String) row[4]);
        d.answersFr = split((String) row[5]);
        d.answersEn = split((String) row[6]);
        return d;
    }

    /** One item per line; the DTO's validation keeps line breaks out of items. */
    private static String join(List<String> items) {
        if (items == null || items.isEmpty()) {
            return "";
        }
        return String.join("\n", items.stream().map(String::trim).toList());
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(text.split("\n")));
    }
}
