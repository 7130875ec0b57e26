package org.hearth.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * One stored audit record, link {@code seq} of its agency's chain. {@code hash} is the SHA-256 of the canonical JSON of
 * everything else, {@code prevHash} included, so a changed field, a removed record or two swapped records all break a
 * link that {@link ChainVerifier} names.
 *
 * @param facts the few fields queries filter on (patient, actor, kind, outcome, when), hashed like the rest
 * @param entry the FHIR AuditEvent-shaped record (IHE BALP)
 */
public record ChainRecord(
        String tenantId,
        long seq,
        String eventId,
        String recordedAt,
        Map<String, Object> facts,
        Map<String, Object> entry,
        String prevHash,
        String hash) {

    /** The previous hash of an agency's first record. */
    public static final String GENESIS = "0".repeat(64);

    /** Fixed width, so that times compare as strings in queries. */
    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A new link after {@code prevHash}, its hash computed. */
    public static ChainRecord link(
            String tenantId,
            long seq,
            String eventId,
            Instant recordedAt,
            Map<String, Object> facts,
            Map<String, Object> entry,
            String prevHash) {
        Map<String, Object> cleanFacts = withoutNulls(facts);
        Map<String, Object> cleanEntry = withoutNulls(entry);
        ChainRecord unsealed =
                new ChainRecord(tenantId, seq, eventId, time(recordedAt), cleanFacts, cleanEntry, prevHash, null);
        return new ChainRecord(
                tenantId, seq, eventId, unsealed.recordedAt, cleanFacts, cleanEntry, prevHash, unsealed.computeHash());
    }

    /**
     * Absent and null are the same to a reader but not to a hash, and a store may keep or drop a null: records are
     * chained without null members, so that what is read back hashes like what was written.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> clean = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                clean.put(key, withoutNulls((Map<String, Object>) nested));
            } else if (value instanceof java.util.List<?> list) {
                clean.put(
                        key,
                        list.stream()
                                .map(v -> v instanceof Map<?, ?> m ? withoutNulls((Map<String, Object>) m) : v)
                                .toList());
            } else if (value != null) {
                clean.put(key, value);
            }
        });
        return clean;
    }

    /** What the hash covers: every field but the hash itself. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", tenantId);
        body.put("seq", seq);
        body.put("eventId", eventId);
        body.put("recordedAt", recordedAt);
        body.put("facts", facts);
        body.put("entry", entry);
        body.put("prevHash", prevHash);
        return body;
    }

    public String canonical() {
        return CanonicalJson.of(body());
    }

    public String computeHash() {
        return sha256(canonical());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String idOf(String tenantId, long seq) {
        return tenantId + ":" + seq;
    }

    public Document toDocument() {
        Document document = new Document("_id", idOf(tenantId, seq));
        body().forEach(document::append);
        return document.append("hash", hash);
    }

    @SuppressWarnings("unchecked")
    public static ChainRecord from(Document d) {
        return new ChainRecord(
                d.getString("tenantId"),
                ((Number) d.get("seq")).longValue(),
                d.getString("eventId"),
                d.getString("recordedAt"),
                (Map<String, Object>) d.get("facts"),
                (Map<String, Object>) d.get("entry"),
                d.getString("prevHash"),
                d.getString("hash"));
    }
}
