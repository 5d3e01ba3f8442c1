package fr.creneau.backend.journal;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.JournalEntryDto;
import fr.creneau.model.api.JournalVerifyDto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Reading and verifying a practice's journal: its admin only, and each reading is itself journaled. */
@ApplicationScoped
public class JournalService {
    public static final int MAX_PAGE = 500;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    /** The newest entries first, {@code limit} of them, older than {@code beforeId} when given. */
    @WithTransaction
    public Uni<List<JournalEntryDto>> list(long practiceId, Long beforeId, int limit) {
        user.requireStaffOf(practiceId, "Practice");
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "out_of_range", "must be between 1 and " + MAX_PAGE);
        }
        JournalActor actor = journal.currentActor();
        String where = beforeId == null ? "practiceId = :p" : "practiceId = :p and id < :before";
        Parameters params = Parameters.with("p", practiceId);
        if (beforeId != null) {
            params = params.and("before", beforeId);
        }
        Uni<List<JournalEntry>> page = JournalEntry.<JournalEntry>find(where + " order by id desc", params).page(0, limit).list();
        // the reading is journaled after the page is read, so the page never shows its own reading
        return page.chain(entries -> journal.record(actor, practiceId, Journal.JOURNAL_READ, Journal.JOURNAL, null,
                        "entries=" + entries.size() + (beforeId == null ? "" : " before=" + beforeId))
                .replaceWith(entries.stream().map(JournalService::toDto).toList()));
    }

    /**
     * Re-computes the whole chain. The head is share-locked first, so that no append slips in between reading
     * the entries and comparing the last one with the head.
     */
    @WithTransaction
    public Uni<JournalVerifyDto> verify(long practiceId) {
        user.requireStaffOf(practiceId, "Practice");
        JournalActor actor = journal.currentActor();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT last_hash, entries FROM journal_head WHERE practice_id = :p FOR SHARE", Object[].class)
                        .setParameter("p", practiceId).getResultList()
                .chain(head -> JournalEntry.<JournalEntry>list("practiceId = ?1 order by id", practiceId)
                        .map(entries -> check(entries, head.isEmpty() ? null : head.get(0)))))
                .chain(result -> journal.record(actor, practiceId, Journal.JOURNAL_VERIFY, Journal.JOURNAL, null,
                        "valid=" + result.valid + " checked=" + result.checked).replaceWith(result));
    }

    static JournalVerifyDto check(List<JournalEntry> entries, Object[] head) {
        JournalVerifyDto r = new JournalVerifyDto();
        String prev = JournalHash.GENESIS;
        long checked = 0;
        for (JournalEntry e : entries) {
            checked++;
            if (!prev.equals(e.prevHash) || !JournalHash.of(e).equals(e.hash)) {
                r.valid = false;
                r.checked = checked;
                r.firstBrokenId = e.id;
                return r;
            }
            prev = e.hash;
        }
        r.checked = checked;
        String headHash = head == null ? JournalHash.GENESIS : (String) head[0];
        long headCount = head == null ? 0 : ((Number) head[1]).longValue();
        // entries removed from the end leave a consistent chain, but a shorter one than the head recorded
        r.valid = headHash.equals(prev) && headCount == checked;
        if (!r.valid) {
            r.firstBrokenId = entries.isEmpty() ? null : entries.get(entries.size() - 1).id;
        }
        return r;
    }

    static JournalEntryDto toDto(JournalEntry e) {
        JournalEntryDto d = new JournalEntryDto();
        d.id = e.id;
        d.practiceId = e.practiceId;
        d.at = e.at == null ? null : e.at.toString();
        d.accountId = e.accountId;
        d.role = e.role;
        d.action = e.action;
        d.objectType = e.objectType;
        d.objectId = e.objectId;
        d.detail = e.detail;
        d.clientIp = e.clientIp;
        d.prevHash = e.prevHash;
        d.hash = e.hash;
        return d;
    }
}
