package org.hearth.messaging.threads;

import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class Threads {

    private final TenantScopedMongo mongo;

    Threads(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(ChatThread.class, "patientId", "kind");
        mongo.ensureIndex(ChatThread.class, "members");
    }

    /** The care-team or family thread of a patient has an id derived from both, so admission creates it once. */
    public static String patientThreadId(ChatThread.Kind kind, String patientId) {
        return UUID.nameUUIDFromBytes((kind + "|" + patientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public Optional<ChatThread> find(String id) {
        return mongo.findById(id, ChatThread.class);
    }

    /** @return false if it existed already */
    public boolean createIfAbsent(ChatThread thread) {
        try {
            mongo.insert(thread);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    public void openPatientThreads(String patientId, Instant at) {
        String tenant = TenantContext.current().value();
        for (ChatThread.Kind kind : List.of(ChatThread.Kind.CARE_TEAM, ChatThread.Kind.FAMILY)) {
            createIfAbsent(new ChatThread(
                    patientThreadId(kind, patientId), tenant, kind, patientId, List.of(), null, at, "system", 1));
        }
    }

    /**
     * The patient's care-team thread, opened (with the family thread) if no event opened it yet: a notice read before
     * the admission still has its thread. Idempotent and safe between replicas (ids derive from the patient).
     */
    public ChatThread careTeamOf(String patientId, Instant at) {
        String id = patientThreadId(ChatThread.Kind.CARE_TEAM, patientId);
        return find(id).orElseGet(() -> {
            openPatientThreads(patientId, at);
            return find(id).orElseThrow();
        });
    }

    /** The patient's family thread, opened (with the care-team thread) if no event opened it yet. */
    public ChatThread familyOf(String patientId, Instant at) {
        String id = patientThreadId(ChatThread.Kind.FAMILY, patientId);
        return find(id).orElseGet(() -> {
            openPatientThreads(patientId, at);
            return find(id).orElseThrow();
        });
    }

    boolean addMember(String threadId, String subject) {
        return mongo.updateIfPresent(
                threadId, new Update().addToSet("members", subject).inc("version", 1), ChatThread.class);
    }

    boolean update(String threadId, long expectedVersion, Update update) {
        return mongo.updateIfVersion(threadId, expectedVersion, "version", update.inc("version", 1), ChatThread.class);
    }

    /** The threads the subject takes part in, narrowed (when not null) to one patient's and to one kind. */
    Page<ChatThread> visibleTo(
            String subject,
            List<String> careTeamPatients,
            List<String> familyPatients,
            String patientId,
            ChatThread.Kind kind,
            Pageable pageable) {
        Criteria visible = new Criteria()
                .orOperator(
                        Criteria.where("members").is(subject),
                        Criteria.where("kind")
                                .is(ChatThread.Kind.CARE_TEAM)
                                .and("patientId")
                                .in(careTeamPatients),
                        Criteria.where("kind")
                                .is(ChatThread.Kind.FAMILY)
                                .and("patientId")
                                .in(familyPatients));
        List<Criteria> all = new ArrayList<>(List.of(visible));
        if (patientId != null) {
            all.add(Criteria.where("patientId").is(patientId));
        }
        if (kind != null) {
            all.add(Criteria.where("kind").is(kind));
        }
        Criteria criteria = all.size() == 1 ? visible : new Criteria().andOperator(all);
        return mongo.findPage(criteria, pageable, ChatThread.class);
    }
}
