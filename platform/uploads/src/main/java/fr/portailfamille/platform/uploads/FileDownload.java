package fr.portailfamille.platform.uploads;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A stored file read back, to be downloaded. A service returns it; its controller answers
 * {@link #asAttachment()}.
 */
public record FileDownload(String fileName, String contentType, byte[] bytes) {

    /**
     * Always an attachment, never shown inline by the browser: the checked type, the safe name (with
     * its UTF-8 {@code filename*}), no content sniffing, kept in no shared cache.
     */
    public ResponseEntity<byte[]> asAttachment() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }
}
