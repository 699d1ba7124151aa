package fr.portailfamille.platform.uploads;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names as a family or agent sent them, made safe to store and to give back in a
 * Content-Disposition: no folder part (« ..\..\x » keeps « x »), no control or reserved
 * characters, at most 150 characters, and an extension that says what the content is (a PNG sent as
 * « photo.pdf » is served as « photo.pdf.png »). Written here rather than taken from a library:
 * commons-io's FilenameUtils strips folders but knows neither our length nor our extension rule.
 */
public final class FileNames {

    static final int MAX_LENGTH = 150;

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"),
            "image/png", Set.of("png"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            UploadCheck.ODT, Set.of("odt"),
            UploadCheck.DOCX, Set.of("docx"));

    private FileNames() {
    }

    public static String sanitise(String original, String contentType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "")
                .replaceAll("\\s+", " ")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "document";
        }
        Set<String> expected = EXTENSIONS.getOrDefault(contentType, Set.of());
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String suffix = expected.isEmpty() || expected.contains(extension) ? "" : "." + expected.iterator().next();
        int room = MAX_LENGTH - suffix.length();
        if (name.length() > room) {
            String keptExtension = suffix.isEmpty() && dot >= 0 ? name.substring(dot) : "";
            name = name.substring(0, room - keptExtension.length()).strip() + keptExtension;
        }
        return name + suffix;
    }
}
