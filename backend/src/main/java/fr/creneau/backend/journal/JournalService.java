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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Reading and verifying a practice's journal: its admin only, and each reading is itself journaled. */
@ApplicationScoped
public class JournalService {
    public static final int MAX_PAGE = 500;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    /** Entries read per page when verifying. */
    @ConfigProperty(name = "creneau.journal.verify-page", defaultValue = "2000")
    int verifyPage;

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
     * Re-computes the whole chain, a page at a time, so that a practice's years of entries never sit in memory at
     * once. Most of the chain is walked without any lock, so that bookings and message reads, which append to the
     * journal, are not held up by a long verification. Only the end is checked under the head's lock: entries
     * appended during the walk are read then, and no append can slip in between reading the last entry and comparing
     * it with the head. The lock is the one an append takes (FOR UPDATE), not a share lock: the verification journals
     * itself, which takes that lock at commit, and two verifications holding share locks would deadlock upgrading them.
     */
    @WithTransaction
    public Uni<JournalVerifyDto> verify(long practiceId) {
        user.requireStaffOf(practiceId, "Practice");
        JournalActor actor = journal.currentActor();
        ChainCheck chain = new ChainCheck();
        return walk(practiceId, chain)
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT last_hash, entries FROM journal_head WHERE practice_id = :p FOR UPDATE", Object[].class)
                        .setParameter("p", practiceId).getResultList()))
                .chain(head -> walk(practiceId, chain).map(x -> chain.result(head.isEmpty() ? null : head.get(0))))
                .chain(result -> journal.record(actor, practiceId, Journal.JOURNAL_VERIFY, Journal.JOURNAL, null,
                        "valid=" + result.valid + " checked=" + result.checked).replaceWith(result));
    }

    /** Checks the entries after the last one checked, page by page, until the end or the first broken link. */
    private Uni<Void> walk(long practiceId, ChainCheck chain) {
        if (chain.broken != null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(PAGE, Object[].class)
                        .setParameter("p", practiceId).setParameter("after", chain.lastId)
                        .setParameter("prev", chain.prev).setParameter("n", verifyPage)
                        .getResultList())
                .chain(page -> {
                    for (Object[] row : page) {
                        if (!chain.next(((Number) row[0]).longValue(), (String) row[1], Boolean.TRUE.equals(row[2]))) {
                            break;
                        }
                    }
                    return page.size() < verifyPage ? Uni.createFrom().voidItem() : walk(practiceId, chain);
                });
    }

    /**
     * A page of entries after a given id, each with whether it is intact: it names its predecessor's hash (the
     * previous page's last hash, or the genesis hash at the chain's start) and its own hash is what the database's
     * rule computes for it.
     */
    static final String PAGE = "SELECT id, hash, prev_hash = lag(hash, 1, COALESCE(CAST(:prev AS TEXT), journal_genesis()))"
            + " OVER (ORDER BY id) AND hash = journal_entry_hash(id, practice_id, at, account_id, role, action, object_type,"
            + " object_id, detail, client_ip, prev_hash) FROM access_journal"
            + " WHERE practice_id = :p AND id > :after ORDER BY id LIMIT :n";

    /** The state of a verification between pages: the last good link, how many entries, the first broken one. */
    static final class ChainCheck {
        String prev;
        long lastId = 0;
        long checked = 0;
        Long broken;

        /** Answers false once the chain is broken at this entry. */
        boolean next(long id, String hash, boolean intact) {
            checked++;
            lastId = id;
            if (!intact) {
                broken = id;
                return false;
            }
            prev = hash;
            return true;
        }

        JournalVerifyDto result(Object[] head) {
            JournalVerifyDto r = new JournalVerifyDto();
            r.checked = checked;
            if (broken != null) {
                r.valid = false;
                r.firstBrokenId = broken;
                return r;
            }
            long headCount = head == null ? 0 : ((Number) head[1]).longValue();
            // entries removed from the end leave a consistent chain, but a shorter one than the head recorded
            r.valid = headCount == checked && (checked == 0 || ((String) head[0]).equals(prev));
            if (!r.valid) {
                r.firstBrokenId = checked == 0 ? null : lastId;
            }
            return r;
        }
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
