package fr.portailfamille.platform.uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small real files for upload tests: what a family or an agent would send, and what must be refused.
 * Shipped in this module's test-jar for the services' API tests.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A one-page PDF. */
    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** A PNG signature and header: enough for the content to be a PNG. */
    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    /** A JPEG (JFIF) start of image and header: enough for the content to be a JPEG. */
    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    }

    /** A Windows executable (MZ header), whatever name it is sent under. */
    public static byte[] executable() {
        byte[] bytes = new byte[256];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3C] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    /** A PDF one byte over 10 MB. */
    public static byte[] pdfOver10Mb() {
        byte[] bytes = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        Arrays.fill(bytes, pdf().length, bytes.length, (byte) ' ');
        return bytes;
    }

    /** An OpenDocument text as LibreOffice writes it: its first entry « mimetype », stored. */
    public static byte[] odt() {
        return zip(new String[][] {
                {"mimetype", "application/vnd.oasis.opendocument.text"},
                {"META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"},
                {"content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"}});
    }

    /** A Word document (DOCX) as Word writes it. */
    public static byte[] docx() {
        return officeDocument("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    }

    /** A Word document with macros (DOCM): refused even where DOCX is accepted. */
    public static byte[] docm() {
        return officeDocument("application/vnd.ms-word.document.macroEnabled.main+xml");
    }

    /** A plain ZIP archive. */
    public static byte[] zipArchive() {
        return zip(new String[][] {{"readme.txt", "bonjour"}});
    }

    private static byte[] officeDocument(String mainContentType) {
        return zip(new String[][] {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainContentType + "\"/></Types>"},
                {"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"},
                {"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}});
    }

    private static final long FIXED_TIME = java.time.Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    /** A ZIP of {name, text} entries; an entry named « mimetype » is stored uncompressed, as ODF requires. */
    private static byte[] zip(String[][] entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] entry : entries) {
                byte[] content = entry[1].getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry[0]);
                // A fixed time: the same sample, the same bytes (tests compare a download with a new call).
                zipEntry.setTime(FIXED_TIME);
                if (entry[0].equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
