package org.hearth.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code Idempotency-Key} for POSTs that create something (ARCHITECTURE §6): the first request with a key
 * claims it for the id of what it creates; a retry with the same key and the same body gets that id back
 * (and the caller answers as the first time); the same key with a different body is refused (422), since
 * that is a client bug that must not create a second resource. Keys are per caller (subject) and agency.
 *
 * <p>The claim is written before the resource, so a crash between the two leaves a claim whose resource does
 * not exist yet; the retry finds the claim and creates the resource under the claimed id, which the caller
 * must do idempotently (insert-if-absent).
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

    private final TenantScopedMongo mongo;
    private final Clock clock;

    public IdempotencyKeys(TenantScopedMongo mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Where a key stands: {@code replay} is true when this request repeats an earlier one. */
    public record Claim(String resourceId, boolean replay) {}

    @Document("idempotency_keys")
    record IdempotencyRecord(@Id String id, String tenantId, String requestHash, String resourceId, Instant claimedAt)
            implements TenantOwned {}

    /**
     * Claims {@code key} for a new resource with id {@code newId}, or answers the id an earlier identical request
     * claimed. Without a key, every request is new.
     */
    public Claim claim(String key, String caller, String requestBody, String newId) {
        if (key == null) {
            return new Claim(newId, false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        String id = TenantContext.current().value() + "|" + caller + "|" + key;
        String hash = sha256(requestBody);
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<IdempotencyRecord> earlier = mongo.findById(id, IdempotencyRecord.class);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw new ApiException(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key for a new request.");
                }
                return new Claim(earlier.get().resourceId(), true);
            }
            try {
                mongo.insert(new IdempotencyRecord(id, TenantContext.current().value(), hash, newId, clock.instant()));
                return new Claim(newId, false);
            } catch (DuplicateKeyException concurrentRetry) {
                // the same key arrived twice at once: read the winner's claim
            }
        }
        throw ApiException.conflict("The request with this Idempotency-Key is being processed; retry shortly.");
    }

    /** What {@link #createOnce} answers: the resource, and whether an earlier request with the key created it. */
    public record Created<T>(T resource, boolean replay) {}

    /**
     * A create that runs at most once per key: claims the key for a new id (or finds the id an identical earlier
     * request claimed), answers the stored resource if that request got as far as storing it, and otherwise calls
     * {@code create} with the claimed id, which must store the resource under exactly that id. So a retry after a
     * failure between the claim and the resource (e.g. the store went away) completes the create, and a retry after
     * success creates nothing. Without a key, every call creates.
     *
     * @param find   reads the resource by id in the caller's agency
     * @param create builds and stores the resource under the given id, returning it
     */
    public <T> Created<T> createOnce(
            String key,
            String caller,
            String requestBody,
            Function<String, Optional<T>> find,
            Function<String, T> create) {
        Claim claim = claim(key, caller, requestBody, UUID.randomUUID().toString());
        if (claim.replay()) {
            Optional<T> earlier = find.apply(claim.resourceId());
            if (earlier.isPresent()) {
                return new Created<>(earlier.get(), true);
            }
        }
        try {
            return new Created<>(create.apply(claim.resourceId()), claim.replay());
        } catch (DuplicateKeyException sameRetryAtOnce) {
            return new Created<>(find.apply(claim.resourceId()).orElseThrow(() -> sameRetryAtOnce), true);
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
