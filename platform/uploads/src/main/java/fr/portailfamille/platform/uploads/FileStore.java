package fr.portailfamille.platform.uploads;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.text.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Uploaded files: checked ({@link UploadCheck}), named safely ({@link FileNames}), kept in the
 * service's database in the caller's transaction (nothing half-written), served back as an
 * attachment ({@link FileDownload}). The bytes sit in {@code stored_file_content}, read only to
 * download, so that listing files never reads them.
 */
public class FileStore {

    /** The form field a file is sent in, unless the caller names another. */
    public static final String DEFAULT_FIELD = "file";

    private final StoredFileRepository files;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final UploadCheck check;

    FileStore(StoredFileRepository files, JdbcClient jdbc, Clock clock, UploadCheck check) {
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
        this.check = check;
    }

    /** Checks and stores a file sent in the field « file », in the caller's transaction; 400, 413 or 415. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile store(MultipartFile upload, PortalPrincipal by) {
        return store(DEFAULT_FIELD, upload, by);
    }

    /** The same for a file sent in another field (named by a 400). */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile store(String field, MultipartFile upload, PortalPrincipal by) {
        check.checkSize(field, upload == null ? 0 : upload.getSize());
        byte[] bytes = read(upload);
        String type = check.contentType(bytes);
        // save, not saveAndFlush: the IDENTITY id makes Hibernate insert the row at once, without a
        // flush of the whole persistence context (which, file after file, made a batch of n files
        // cost n² dirty checks: 10,000 invoice PDFs in one import).
        StoredFile file = files.save(new StoredFile(FileNames.sanitise(upload.getOriginalFilename(), type),
                type, bytes.length, Sha256.hex(bytes), clock.instant(), by.auditName()));
        jdbc.sql("insert into stored_file_content (file_id, bytes) values (?, ?)")
                .params(file.getId(), bytes)
                .update();
        return file;
    }

    /** The file's bytes with its checked type and safe name, to download. */
    @Transactional(readOnly = true)
    public FileDownload read(StoredFile file) {
        byte[] bytes = jdbc.sql("select bytes from stored_file_content where file_id = ?")
                .param(file.getId())
                .query(byte[].class)
                .single();
        return new FileDownload(file.getFileName(), file.getContentType(), bytes);
    }

    /** Deletes a file no row refers to any more (its content first), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(StoredFile file) {
        jdbc.sql("delete from stored_file_content where file_id = ?").param(file.getId()).update();
        jdbc.sql("delete from stored_file where id = ?").param(file.getId()).update();
    }

    private static byte[] read(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
