package fr.portailfamille.platform.uploads;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.problem.Problems;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file must be to be kept, judged on its bytes and never on its name or the browser's
 * Content-Type: something was sent, it is not over the size limit, and its content is one of the
 * types the service accepts ({@code portal.uploads.allowed-types}; by default a PDF, a PNG or a JPEG)
 * by its magic bytes (Apache Tika). Each refusal is a problem with a French detail: 400 naming the
 * form's field, 413 giving the limit (the same answer as Spring's multipart limit, see
 * {@code PortalExceptionHandler}), 415 (text {@code upload.type}, which a service accepting other types
 * overrides in its own {@code messages.properties}).
 *
 * <p>Word processing documents are ZIP containers: an OpenDocument text is recognised by Tika from its
 * first entry ({@code mimetype}); for Office Open XML, Tika's core only says « some OOXML », so the
 * container's {@code [Content_Types].xml} is read (central directory and that one entry, at most
 * 64 KB of it: never the whole archive) and only a Word document without macros is a DOCX.
 */
public final class UploadCheck {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The types families and agents may send by default: documents and scans or photos of them. */
    public static final Set<String> ALLOWED_TYPES = Set.of(PDF, PNG, JPEG);

    /** Every type this check can recognise, hence that a service may allow. */
    public static final Set<String> KNOWN_TYPES = Set.of(PDF, PNG, JPEG, ODT, DOCX);

    private static final String OOXML = "application/x-tika-ooxml";
    private static final String ZIP = "application/zip";
    private static final String WORD_MAIN_PART = DOCX + ".main+xml";
    private static final int MAX_CONTENT_TYPES_BYTES = 64 * 1024;

    private final DataSize maxSize;
    private final Set<String> allowed;
    private final Tika tika = new Tika();

    public UploadCheck(DataSize maxSize) {
        this(maxSize, ALLOWED_TYPES);
    }

    /** A check accepting {@code allowed}, a subset of {@link #KNOWN_TYPES} (else the service refuses to start). */
    public UploadCheck(DataSize maxSize, Collection<String> allowed) {
        if (allowed.isEmpty() || !KNOWN_TYPES.containsAll(allowed)) {
            throw new IllegalArgumentException("portal.uploads.allowed-types must be among " + KNOWN_TYPES
                    + ", was " + allowed);
        }
        this.maxSize = maxSize;
        this.allowed = Set.copyOf(allowed);
    }

    public DataSize maxSize() {
        return maxSize;
    }

    public Set<String> allowedTypes() {
        return allowed;
    }

    /** 400 on {@code field} when no file or an empty one was sent; 413 when it is over the limit. */
    public void checkSize(String field, long size) {
        if (size <= 0) {
            throw ApiProblem.invalidField(field, "upload.empty");
        }
        if (size > maxSize.toBytes()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "fichier-trop-volumineux", "problem.too-large",
                    Problems.readableSize(maxSize));
        }
    }

    /** The type read from the content; 415 unless it is one of the allowed types. */
    public String contentType(byte[] bytes) {
        String type = tika.detect(bytes);
        if ((OOXML.equals(type) || ZIP.equals(type)) && allowed.contains(DOCX)) {
            type = isWordDocument(bytes) ? DOCX : type;
        }
        if (!allowed.contains(type)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-de-fichier-refuse", "upload.type");
        }
        return type;
    }

    /** A ZIP whose {@code [Content_Types].xml} declares a Word document's main part (macro-enabled ones do not). */
    private static boolean isWordDocument(byte[] bytes) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile("portal-upload-", ".zip");
            Files.write(temporary, bytes);
            try (ZipFile zip = new ZipFile(temporary.toFile())) {
                ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
                if (contentTypes == null || zip.getEntry("word/document.xml") == null) {
                    return false;
                }
                try (InputStream in = zip.getInputStream(contentTypes)) {
                    String declared = new String(in.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
                    return declared.contains("\"" + WORD_MAIN_PART + "\"");
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the system's temporary folder is cleaned anyway
                }
            }
        }
    }
}
