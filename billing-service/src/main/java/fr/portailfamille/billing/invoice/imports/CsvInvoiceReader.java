package fr.portailfamille.billing.invoice.imports;

import static fr.portailfamille.billing.invoice.imports.ImportMessages.problem;

import fr.portailfamille.platform.text.Texts;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the CSV file of the authority's billing software: one row per invoice line, the columns of
 * {@link ImportField} named on the first row (in any order; case, accents and spaces ignored; other
 * columns ignored), UTF-8 with or without BOM, {@code ;} or {@code ,} as separator (whichever the
 * header uses), decimal comma or point, dates {@code dd/MM/yyyy}. What cannot be read is reported here;
 * the rules are the {@link InvoiceBatchValidator}'s, shared with the JSON batch.
 */
final class CsvInvoiceReader {

    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Digits with an optional sign and one decimal separator, once spaces and « € » are removed. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
    private static final Pattern SPACES_AND_EURO = Pattern.compile("[\\s\\u00A0\\u202F€]+");
    private static final Pattern COLUMN_SEPARATORS = Pattern.compile("[\\s\\-]+");

    ParsedRows read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return fileProblem(ImportMessages.FILE_ENCODING);
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return fileProblem(ImportMessages.FILE_EMPTY);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator(text))
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return rows(parser.iterator(), new LineNumbers(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedRows rows(Iterator<CSVRecord> records, LineNumbers lines) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        Header header;
        try {
            header = header(records.next(), problems);
        } catch (UncheckedIOException e) {
            return fileProblem(ImportMessages.FILE_UNREADABLE);
        }
        if (header == null) {
            return new ParsedRows(rows, problems);
        }
        int lastLine = 1;
        int block = 0;
        String previousNumber = null;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                // An opening quote never closed: the parser cannot tell where the next row starts.
                problems.add(problem(lastLine + 1, location(lastLine + 1), null, ImportMessages.FILE_UNREADABLE));
                break;
            }
            int line = lines.lineOf(record.getCharacterPosition());
            lastLine = line;
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.size() > header.size()) {
                problems.add(problem(line, location(line), null, ImportMessages.ROW_COLUMNS,
                        String.valueOf(record.size()), String.valueOf(header.size())));
                continue;
            }
            String number = value(record, header, ImportField.INVOICE_NUMBER);
            if (number == null || !number.equals(previousNumber)) {
                block++;
            }
            previousNumber = number;
            rows.add(row(record, line, block, header, problems));
        }
        return new ParsedRows(rows, problems);
    }

    /** The columns' positions, or {@code null} (and the problems) when a required column is missing. */
    private Header header(CSVRecord record, List<ImportProblem> problems) {
        Map<String, Integer> named = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = columnName(record.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (named.putIfAbsent(name, i) != null) {
                problems.add(problem(1, headerLocation(), null, ImportMessages.COLUMN_DUPLICATE, name));
            }
        }
        Map<ImportField, Integer> positions = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            Integer position = named.get(field.column());
            if (position != null) {
                positions.put(field, position);
            } else if (field.required()) {
                problems.add(problem(1, headerLocation(), field, ImportMessages.COLUMN_MISSING, field.column(),
                        field.label(), String.join(";", ImportField.columns())));
            }
        }
        return problems.isEmpty() ? new Header(positions, record.size()) : null;
    }

    private ImportRow row(CSVRecord record, int line, int block, Header header, List<ImportProblem> problems) {
        Set<ImportField> unreadable = EnumSet.noneOf(ImportField.class);
        String location = location(line);
        Values values = new Values(record, header, line, location, unreadable, problems);
        return new ImportRow(line, location, block,
                values.text(ImportField.INVOICE_NUMBER), values.text(ImportField.DOSSIER),
                values.text(ImportField.PERIOD), values.date(ImportField.ISSUE_DATE),
                values.date(ImportField.DUE_DATE), values.text(ImportField.BENEFICIARY),
                values.text(ImportField.SERVICE), values.number(ImportField.UNIT_PRICE),
                values.number(ImportField.QUANTITY), values.number(ImportField.AMOUNT),
                values.number(ImportField.INVOICE_TOTAL), unreadable);
    }

    /** Reads the values of one row, noting those that cannot be read. */
    private record Values(CSVRecord record, Header header, int line, String location,
                          Set<ImportField> unreadable, List<ImportProblem> problems) {

        String text(ImportField field) {
            return value(record, header, field);
        }

        BigDecimal number(ImportField field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            BigDecimal number = parseNumber(text);
            if (number == null) {
                unreadable.add(field);
                problems.add(problem(line, location, field, ImportMessages.NUMBER_UNREADABLE, field.label(), text));
            }
            return number;
        }

        LocalDate date(ImportField field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                unreadable.add(field);
                problems.add(problem(line, location, field, ImportMessages.DATE_UNREADABLE, field.label(), text));
                return null;
            }
        }
    }

    /** « 4,40 », « 4.40 », « 1 234,56 », « 44,00 € »; {@code null} for anything else (« 4,4,0 », « 1.234,56 », « abc »). */
    static BigDecimal parseNumber(String text) {
        String compact = SPACES_AND_EURO.matcher(text).replaceAll("");
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    /** The header's separator: {@code ;} if it has one (French exports), else {@code ,}. */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    private static String value(CSVRecord record, Header header, ImportField field) {
        Integer position = header.positions().get(field);
        if (position == null || position >= record.size()) {
            return null;
        }
        return Texts.blankToNull(record.get(position));
    }

    /** « Date émission », « date-émission » or « DATE_EMISSION » is the column {@code date_emission}. */
    private static String columnName(String header) {
        String folded = Texts.foldAccents(header.replace(String.valueOf(BOM), "").strip());
        return COLUMN_SEPARATORS.matcher(folded).replaceAll("_");
    }

    private static ParsedRows fileProblem(String code) {
        return new ParsedRows(List.of(), List.of(problem(0, "fichier", null, code)));
    }

    private static String location(int line) {
        return "ligne " + line;
    }

    private static String headerLocation() {
        return "ligne 1 (noms des colonnes)";
    }

    private record Header(Map<ImportField, Integer> positions, int size) {
    }

    /** The line (from 1) of a character of the text, as an editor or a spreadsheet counts lines. */
    private static final class LineNumbers {

        private final String text;
        private final int[] starts;

        LineNumbers(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line where a record starts; its position is before the empty lines the parser skipped. */
        int lineOf(long recordPosition) {
            int position = (int) recordPosition;
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                position++;
            }
            int index = Arrays.binarySearch(starts, position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
