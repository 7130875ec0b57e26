package org.hearth.audit.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * A signed statement "the chain of this agency had {@code hash} at {@code seq}". Without the signing key nobody can
 * rewrite the chain and re-seal it: every rewritten hash would disagree with a checkpoint or its signature.
 */
public record Checkpoint(String tenantId, long seq, String hash, String signedAt, String signature) {

    public Map<String, Object> signedContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("tenantId", tenantId);
        content.put("seq", seq);
        content.put("hash", hash);
        content.put("signedAt", signedAt);
        return content;
    }

    public Document toDocument() {
        return new Document("_id", ChainRecord.idOf(tenantId, seq))
                .append("tenantId", tenantId)
                .append("seq", seq)
                .append("hash", hash)
                .append("signedAt", signedAt)
                .append("signature", signature);
    }

    public static Checkpoint from(Document d) {
        return new Checkpoint(
                d.getString("tenantId"),
                ((Number) d.get("seq")).longValue(),
                d.getString("hash"),
                d.getString("signedAt"),
                d.getString("signature"));
    }
}
