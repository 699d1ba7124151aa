package fr.portailfamille.dossier.upload;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.problem.Problems;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

/**
 * Uploaded files: checked (size, type read from the content by Tika's magic bytes, never from the
 * name or the browser's Content-Type), named safely, kept in the database, served back as an
 * attachment. The size limit is Spring's multipart limit ({@code spring.servlet.multipart.max-file-size},
 * 10 MB by the platform's defaults), checked again here so the message gives it.
 */
@Service
public class FileStore {

    static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final StoredFileRepository files;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DataSize maxSize;
    private final Tika tika = new Tika();

    public FileStore(StoredFileRepository files, JdbcClient jdbc, Clock clock,
                     @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxSize) {
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** Checks and stores a file in the caller's transaction; refuses with 400, 413 or 415. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile store(MultipartFile upload, PortalPrincipal by) {
        if (upload == null || upload.isEmpty()) {
            throw ApiProblem.invalidField("file", "upload.empty");
        }
        if (upload.getSize() > maxSize.toBytes()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "fichier-trop-volumineux", "upload.too-large",
                    Problems.readableSize(maxSize));
        }
        byte[] bytes = read(upload);
        String type = tika.detect(bytes);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-de-fichier-refuse", "upload.type");
        }
        StoredFile file = files.saveAndFlush(new StoredFile(FileNames.sanitise(upload.getOriginalFilename(), type),
                type, bytes.length, sha256(bytes), clock.instant(), by.auditName()));
        jdbc.sql("insert into stored_file_content (file_id, bytes) values (?, ?)")
                .params(file.getId(), bytes)
                .update();
        return file;
    }

    /** The file as a download: its checked type, its safe name, never shown inline by the browser. */
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(StoredFile file) {
        byte[] bytes = jdbc.sql("select bytes from stored_file_content where file_id = ?")
                .param(file.getId())
                .query(byte[].class)
                .single();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    private static byte[] read(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
