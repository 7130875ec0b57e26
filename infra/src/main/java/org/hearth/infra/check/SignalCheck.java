package org.hearth.infra.check;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The invariants behind "no clinical signal is ever lost", checked on any running stack by reading each service's
 * own database (an operator's tool, like a reconciliation report; no service reads another's data):
 * <ul>
 *   <li>every alert raised in patient-service has exactly one notice in messaging (the physician's urgent item);</li>
 *   <li>every patient admitted in patient-service is known to scheduling and to messaging.</li>
 * </ul>
 * Signals younger than the settle time are reported as in flight, not as lost. Prints one line per agency and
 * invariant (ids and counts only, no PHI) and exits 1 when anything older than the settle time is missing or doubled.
 *
 * <p>Usage: {@code SignalCheck <mongodb-uri> [settle-seconds]}
 */
public final class SignalCheck {

    static final String ALERT_NOTICE = "AlertRaised";

    private final MongoClient mongo;
    private final Instant settledBefore;

    SignalCheck(MongoClient mongo, Duration settle) {
        this.mongo = mongo;
        this.settledBefore = Instant.now().minus(settle);
    }

    /** What one invariant found for one agency. */
    public record Finding(
            String invariant,
            String tenant,
            int expected,
            int delivered,
            List<String> missing,
            int inFlight,
            List<String> duplicated) {

        public boolean holds() {
            return missing.isEmpty() && duplicated.isEmpty();
        }

        @Override
        public String toString() {
            return String.format(
                    "%-26s agency %s: %d expected, %d delivered, %d missing%s, %d in flight, %d duplicated%s",
                    invariant,
                    tenant,
                    expected,
                    delivered,
                    missing.size(),
                    sample(missing),
                    inFlight,
                    duplicated.size(),
                    sample(duplicated));
        }

        private static String sample(List<String> ids) {
            return ids.isEmpty() ? "" : " " + ids.subList(0, Math.min(5, ids.size()));
        }
    }

    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(alertsHaveOneNotice());
        findings.addAll(
                admittedPatientsAreKnown("scheduling", db("hearth_scheduling").getCollection("patients")));
        findings.addAll(
                admittedPatientsAreKnown("messaging", db("hearth_messaging").getCollection("patients")));
        return findings;
    }

    /** Alerts raised (hearth_patient.alerts) against alert notices (hearth_messaging.messages, source.type AlertRaised, source.ref = alert id). */
    List<Finding> alertsHaveOneNotice() {
        Map<String, Map<String, Instant>> raised = byTenant(
                db("hearth_patient").getCollection("alerts"),
                Filters.empty(),
                d -> d.getString("_id"), // the alert's id (Spring Data stores a nested id as _id too)
                d -> instant(d.get("alert", Document.class).get("raisedAt")));
        Map<String, Map<String, Integer>> notices = new HashMap<>();
        for (Document d : db("hearth_messaging")
                .getCollection("messages")
                .find(Filters.eq("source.type", ALERT_NOTICE))
                .projection(Projections.include("tenantId", "source"))) {
            notices.computeIfAbsent(d.getString("tenantId"), t -> new HashMap<>())
                    .merge(d.get("source", Document.class).getString("ref"), 1, Integer::sum);
        }
        return compare("alert -> notice", raised, notices);
    }

    /** Patients admitted (hearth_patient.patients) against a consumer's projection keyed by patient id. */
    List<Finding> admittedPatientsAreKnown(String consumer, MongoCollection<Document> projection) {
        Map<String, Map<String, Instant>> admitted = byTenant(
                db("hearth_patient").getCollection("patients"),
                Filters.empty(),
                d -> d.getString("_id"),
                d -> instant(d.get("patient", Document.class).get("admittedAt")));
        Map<String, Map<String, Integer>> known = new HashMap<>();
        for (Document d : projection.find().projection(Projections.include("tenantId"))) {
            known.computeIfAbsent(d.getString("tenantId"), t -> new HashMap<>())
                    .merge(d.getString("_id"), 1, Integer::sum);
        }
        return compare("patient -> " + consumer, admitted, known);
    }

    private List<Finding> compare(
            String invariant, Map<String, Map<String, Instant>> expected, Map<String, Map<String, Integer>> delivered) {
        List<Finding> findings = new ArrayList<>();
        Set<String> tenants = new TreeSet<>(expected.keySet());
        for (String tenant : tenants) {
            Map<String, Instant> wanted = expected.get(tenant);
            Map<String, Integer> got = delivered.getOrDefault(tenant, Map.of());
            List<String> missing = new ArrayList<>();
            int inFlight = 0;
            for (Map.Entry<String, Instant> signal : new TreeMap<>(wanted).entrySet()) {
                if (got.containsKey(signal.getKey())) {
                    continue;
                }
                if (signal.getValue() != null && signal.getValue().isAfter(settledBefore)) {
                    inFlight++;
                } else {
                    missing.add(signal.getKey());
                }
            }
            List<String> duplicated = got.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            int deliveredCount =
                    (int) got.keySet().stream().filter(wanted::containsKey).count();
            findings.add(new Finding(invariant, tenant, wanted.size(), deliveredCount, missing, inFlight, duplicated));
        }
        return findings;
    }

    private Map<String, Map<String, Instant>> byTenant(
            MongoCollection<Document> collection,
            Bson filter,
            Function<Document, String> id,
            Function<Document, Instant> at) {
        Map<String, Map<String, Instant>> result = new HashMap<>();
        for (Document d : collection.find(filter)) {
            String tenant = d.getString("tenantId");
            String key = id.apply(d);
            if (tenant != null && key != null) {
                result.computeIfAbsent(tenant, t -> new HashMap<>()).put(key, at.apply(d));
            }
        }
        return result;
    }

    private MongoDatabase db(String name) {
        return mongo.getDatabase(name);
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value instanceof String text ? Instant.parse(text) : null;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SignalCheck <mongodb-uri> [settle-seconds]");
            System.exit(2);
        }
        Duration settle = Duration.ofSeconds(args.length == 2 ? Long.parseLong(args[1]) : 60);
        boolean holds = true;
        try (MongoClient mongo = MongoClients.create(args[0])) {
            for (Finding finding : new SignalCheck(mongo, settle).run()) {
                System.out.println(finding);
                holds &= finding.holds();
            }
        }
        System.out.println(
                holds
                        ? "SIGNALS OK: nothing older than " + settle.toSeconds() + " s is missing or doubled"
                        : "SIGNALS LOST OR DOUBLED: see the lines above");
        System.exit(holds ? 0 : 1);
    }
}
