package org.hearth.messaging.attachments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.hearth.messaging.threads.ThreadAccess;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload an attachment to a thread (then name it in a message), download it as a participant. */
@RestController
@RequestMapping("/api/messaging/v1/threads/{threadId}/attachments")
@Tag(name = "Attachments")
@PreAuthorize(ThreadController.PEOPLE)
class AttachmentController {

    private final Attachments attachments;
    private final ThreadAccess access;
    private final IdempotencyKeys idempotency;

    AttachmentController(Attachments attachments, ThreadAccess access, IdempotencyKeys idempotency) {
        this.attachments = attachments;
        this.access = access;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a JPEG, PNG, HEIC or PDF of at most 10 MB (multipart field 'file')",
            description = "The type is read from the content; image location metadata is removed; stored encrypted. "
                    + "With Idempotency-Key, a retry of the same upload (same bytes, same thread) answers the same "
                    + "attachment and stores nothing twice; the same key with other bytes is 422")
    ResponseEntity<Map<String, Object>> upload(
            @PathVariable String threadId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        String me = Caller.subject();
        access.readable(threadId, me);
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw new ApiException(
                    org.hearth.platform.problem.ProblemType.PAYLOAD_TOO_LARGE, "An attachment may be at most 10 MB");
        }
        byte[] bytes = file.getBytes();
        // the request is the thread and the file's bytes (not its name or part headers), hashed once here
        Attachments.Stored stored = idempotency
                .createOnce(
                        key,
                        me,
                        threadId + "\n" + sha256(bytes),
                        id -> attachments.byRequest(threadId, id),
                        id -> attachments.store(threadId, me, bytes, id))
                .resource();
        return ResponseEntity.created(
                        URI.create("/api/messaging/v1/threads/" + threadId + "/attachments/" + stored.id()))
                .body(Map.of("id", stored.id(), "contentType", stored.type().mediaType(), "size", stored.size()));
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download an attachment (participants only)")
    ResponseEntity<byte[]> download(@PathVariable String threadId, @PathVariable String attachmentId) {
        access.readable(threadId, Caller.subject());
        Attachments.Content content = attachments
                .load(threadId, attachmentId)
                .orElseThrow(() -> ApiException.notFound("Attachment " + attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachmentId + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.bytes());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
