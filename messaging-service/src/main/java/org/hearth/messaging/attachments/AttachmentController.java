package org.hearth.messaging.attachments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.messaging.threads.ThreadAccess;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Upload an attachment to a thread (then name it in a message), download it as a participant. */
@RestController
@RequestMapping("/api/messaging/v1/threads/{threadId}/attachments")
@Tag(name = "Attachments")
@PreAuthorize(ThreadController.PEOPLE)
class AttachmentController {

    private final Attachments attachments;
    private final ThreadAccess access;

    AttachmentController(Attachments attachments, ThreadAccess access) {
        this.attachments = attachments;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a JPEG, PNG, HEIC or PDF of at most 10 MB (multipart field 'file')",
            description = "The type is read from the content; image location metadata is removed; stored encrypted")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String threadId, @RequestParam("file") MultipartFile file)
            throws IOException {
        String me = Caller.subject();
        access.readable(threadId, me);
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw new ApiException(org.hearth.platform.problem.ProblemType.PAYLOAD_TOO_LARGE,
                    "An attachment may be at most 10 MB");
        }
        Attachments.Stored stored = attachments.store(threadId, me, file.getBytes());
        return ResponseEntity.created(URI.create("/api/messaging/v1/threads/" + threadId + "/attachments/" + stored.id()))
                .body(Map.of("id", stored.id(), "contentType", stored.type().mediaType(), "size", stored.size()));
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download an attachment (participants only)")
    ResponseEntity<byte[]> download(@PathVariable String threadId, @PathVariable String attachmentId) {
        access.readable(threadId, Caller.subject());
        Attachments.Content content = attachments.load(threadId, attachmentId)
                .orElseThrow(() -> ApiException.notFound("Attachment " + attachmentId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachmentId + "\"")
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.bytes());
    }
}
