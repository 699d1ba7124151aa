package fr.portailfamille.platform.uploads;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.problem.Problems;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.util.Set;

/**
 * What a file must be to be kept, judged on its bytes and never on its name or the browser's
 * Content-Type: something was sent, it is not over the size limit, and its content is a PDF, a PNG or
 * a JPEG by its magic bytes (Apache Tika). Each refusal is a problem with a French detail: 400 naming
 * the form's field, 413 giving the limit (the same answer as Spring's multipart limit, see
 * {@code PortalExceptionHandler}), 415.
 */
public final class UploadCheck {

    /** The types families and agents may send: documents and scans or photos of them. */
    public static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final DataSize maxSize;
    private final Tika tika = new Tika();

    public UploadCheck(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
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

    /** The type read from the content; 415 unless it is a PDF, a PNG or a JPEG. */
    public String contentType(byte[] bytes) {
        String type = tika.detect(bytes);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-de-fichier-refuse", "upload.type");
        }
        return type;
    }
}
