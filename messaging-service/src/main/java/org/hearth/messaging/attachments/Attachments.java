package org.hearth.messaging.attachments;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.hearth.messaging.crypto.MessageCipher;
import org.hearth.messaging.crypto.Sealed;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedFiles;
import org.springframework.stereotype.Component;

/**
 * Stores an attachment of a thread: checks size and type, strips metadata, encrypts (bound to a random key id kept
 * in the file's metadata), stores in GridFS. Reading decrypts only for the same thread.
 */
@Component
public class Attachments {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final TenantScopedFiles files;
    private final MessageCipher cipher;

    Attachments(TenantScopedFiles files, MessageCipher cipher) {
        this.files = files;
        this.cipher = cipher;
    }

    public record Stored(String id, ContentType type, long size) {}

    public record Content(ContentType type, byte[] bytes) {}

    public Stored store(String threadId, String uploadedBy, byte[] content) {
        return store(threadId, uploadedBy, content, null);
    }

    /**
     * Stores under a request id (an Idempotency-Key's claimed id) kept in the file's metadata: GridFS chooses the
     * file's own id, so a retry finds what the first attempt stored by {@link #byRequest}.
     */
    public Stored store(String threadId, String uploadedBy, byte[] content, String requestId) {
        if (content.length > MAX_BYTES) {
            throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "An attachment may be at most 10 MB");
        }
        if (content.length == 0) {
            throw ApiException.badRequest("The attachment is empty");
        }
        ContentType type = ContentType.detect(content)
                .orElseThrow(() -> new ApiException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Only JPEG, PNG, HEIC images and PDF documents can be attached; "
                                + "the file's content is none of these, whatever its name says"));
        byte[] clean = MetadataStripper.strip(type, content);
        String keyId = UUID.randomUUID().toString();
        Sealed sealed = cipher.seal(TenantContext.current().value(), clean, keyId);
        String id = files.store(
                pack(sealed),
                keyId,
                "application/octet-stream",
                new Document()
                        .append("threadId", threadId)
                        .append("contentType", type.name())
                        .append("size", (long) clean.length)
                        .append("uploadedBy", uploadedBy)
                        .append("keyId", keyId)
                        .append("keyVersion", sealed.keyVersion())
                        .append("requestId", requestId));
        return new Stored(id, type, clean.length);
    }

    /** What an earlier upload under {@code requestId} stored in {@code threadId}, read from its metadata only. */
    public Optional<Stored> byRequest(String threadId, String requestId) {
        return files.idWhere("requestId", requestId)
                .flatMap(id -> files.metadata(id)
                        .filter(m -> threadId.equals(m.getString("threadId")))
                        .map(m -> new Stored(id, ContentType.valueOf(m.getString("contentType")), m.getLong("size"))));
    }

    /** The attachment if it belongs to {@code threadId} in this agency. */
    public Optional<Content> load(String threadId, String id) {
        return files.load(id)
                .filter(f -> threadId.equals(f.metadata().getString("threadId")))
                .map(f -> {
                    Sealed sealed = unpack(f.content(), f.metadata().getInteger("keyVersion"));
                    byte[] clear = cipher.open(
                            TenantContext.current().value(),
                            sealed,
                            f.metadata().getString("keyId"));
                    return new Content(ContentType.valueOf(f.metadata().getString("contentType")), clear);
                });
    }

    /** Whether the attachment is this thread's; reads the file's metadata only, not its (up to 10 MB) content. */
    public boolean belongsTo(String threadId, String id) {
        return files.metadata(id)
                .filter(m -> threadId.equals(m.getString("threadId")))
                .isPresent();
    }

    private static byte[] pack(Sealed sealed) {
        return ByteBuffer.allocate(12 + sealed.ciphertext().length)
                .put(sealed.nonce())
                .put(sealed.ciphertext())
                .array();
    }

    private static Sealed unpack(byte[] stored, int keyVersion) {
        byte[] nonce = java.util.Arrays.copyOfRange(stored, 0, 12);
        return new Sealed(keyVersion, nonce, java.util.Arrays.copyOfRange(stored, 12, stored.length));
    }
}
