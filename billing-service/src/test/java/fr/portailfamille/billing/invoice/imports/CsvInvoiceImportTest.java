package fr.portailfamille.billing.invoice.imports;

import fr.portailfamille.billing.invoice.InvoiceLine;
import fr.portailfamille.billing.invoice.NewInvoice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CsvInvoiceImportTest {

    static final String HEADER = "numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;"
            + "prestation;tarif;quantite;montant;total_facture";

    private final InvoiceImport imports = new InvoiceImport();

    /** Lines joined with CRLF, as a spreadsheet saves them. */
    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private InvoiceBatch accepted(ImportResult result) {
        assertThat(result).as(result instanceof ImportResult.Rejected r ? r.report().text() : "")
                .isInstanceOf(ImportResult.Accepted.class);
        return ((ImportResult.Accepted) result).batch();
    }

    private ImportReport rejected(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        return ((ImportResult.Rejected) result).report();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void a_good_file_with_bom_semicolons_and_decimal_commas() {
        String text = "\uFEFF" + csv(HEADER,
                "2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50",
                "2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50",
                "",
                "2026-000124;6001;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;0,3333;3;1,00;1,00",
                ";;;;;;;;;;");

        InvoiceBatch batch = accepted(imports.fromCsv(utf8(text)));

        assertThat(batch.invoices()).hasSize(2);
        ImportedInvoice first = batch.invoices().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.location()).isEqualTo("ligne 2");
        NewInvoice seed = first.invoice();
        assertThat(seed.number()).isEqualTo("2026-000123");
        assertThat(seed.dossierNumber()).isEqualTo("6000");
        assertThat(seed.period()).isEqualTo("Septembre 2026");
        assertThat(seed.issueDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(seed.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(seed.lines()).containsExactly(
                new InvoiceLine("DURAND Marie", "Repas Enfants", d("4.40"), d("10.00"), d("44.00")),
                new InvoiceLine("DURAND Marie", "Atelier 3D", d("0.75"), d("10.00"), d("7.50")));
        assertThat(seed.total()).isEqualTo(d("51.50"));

        NewInvoice fees = batch.invoices().get(1).invoice();
        assertThat(batch.invoices().get(1).row()).isEqualTo(5);
        assertThat(fees.lines().get(0).beneficiary()).isNull();
        assertThat(fees.lines().get(0).unitPrice()).isEqualTo(d("0.3333"));
        assertThat(fees.total()).isEqualTo(d("1.00"));

        assertThat(batch.dossierNumbers()).containsExactly("6000", "6001");
    }

    @Test
    void a_comma_separated_file_with_quoted_decimal_commas_and_columns_in_another_order() {
        String text = String.join("\n",
                "Dossier,Numéro facture,Période,Date émission,Date échéance,Bénéficiaire,Prestation,Tarif,Quantité,Montant,Total facture,Commentaire",
                "6000,2026-000123,Septembre 2026,05/10/2026,31/10/2026,DURAND Marie,Repas Enfants,4.40,10.00,44.00,51.50,",
                "6000,2026-000123,Septembre 2026,05/10/2026,31/10/2026,DURAND Marie,\"Atelier 3D, robotique\",\"0,75\",\"10,00\",\"7,50\",\"51,50\",ok");

        NewInvoice seed = accepted(imports.fromCsv(utf8(text))).invoices().get(0).invoice();

        assertThat(seed.number()).isEqualTo("2026-000123");
        assertThat(seed.lines()).extracting(InvoiceLine::service).containsExactly("Repas Enfants", "Atelier 3D, robotique");
        assertThat(seed.lines().get(1).amount()).isEqualTo(d("7.50"));
        assertThat(seed.total()).isEqualTo(d("51.50"));
    }

    @Test
    void a_bad_file_names_every_bad_row_with_its_reason_in_french() {
        String text = csv(HEADER,
                /* 2 */ "2026-000201;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50",
                /* 3 */ "2026-000201;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;-10,00;7,50;51,50",
                /* 4 */ "2026-000202;6001;Septembre 2026;05/10/2026;31/10/2026;MARTIN Léo;Repas Enfants;4,40;5;22,00;22,00",
                /* 5 */ "2026-000203;6002;Septembre 2026;05/10/2026;31/10/2026;PETIT Jade;Repas Enfants;4,40;10,00;44,10;44,10",
                /* 6 */ "2026-000204;6003;Septembre 2026;05/10/2026;31/10/2026;ROUX Tom;Repas Enfants;4,4,0;10,00;44,00;44,00",
                /* 7 */ "2026-000205;6004;Septembre 2026;05/10/2026;30/09/2026;BLANC Lou;Garderie;2,00;3;6,00;6,00",
                /* 8 */ "2026-000206;6005;Septembre 2026;05/10/2026;31/10/2026;NOIR Eva;Garderie;2,00;3;6,00;6,00",
                /* 9 */ "2026-000207;6006;Septembre 2026;05/10/2026;31/10/2026;VERT Noé;Repas Enfants;4,40;10,00;44,00;50,00");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.badRows()).containsExactly(3, 5, 6, 7, 9);
        assertThat(report.problems()).extracting(ImportProblem::code).containsExactly(
                "import.quantity.not-positive", "import.amount.mismatch", "import.number.unreadable",
                "import.due-date.before-issue", "import.total.mismatch");
        assertThat(report.problems()).extracting(ImportProblem::field).containsExactly(
                ImportField.QUANTITY, ImportField.AMOUNT, ImportField.UNIT_PRICE, ImportField.DUE_DATE,
                ImportField.INVOICE_TOTAL);
        assertThat(report.text()).isEqualTo(String.join("\n",
                "Ligne 3 : « Quantité » doit être supérieure à zéro (-10,00).",
                "Ligne 5 : « Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime).",
                "Ligne 6 : « Tarif » : nombre illisible « 4,4,0 » (attendu par exemple 4,40).",
                "Ligne 7 : La date d’échéance 30/09/2026 de la facture 2026-000205 est antérieure à sa date d’émission 05/10/2026.",
                "Ligne 9 : « Total de la facture » de la facture 2026-000207 vaut 50,00 alors que la somme de ses lignes est 44,00."));
    }

    @Test
    void missing_values_unreadable_dates_and_too_many_decimals() {
        String text = csv(HEADER,
                "2026-000301;;Septembre 2026;31/02/2026;31/10/2026;DURAND Marie;;4,40;10,00;44,00;44,00",
                "2026-000302;6000;Septembre 2026;2026-10-05;31/10/2026;DURAND Marie;Garderie;0,33333;1,005;0,33;0,33");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.problemsOfRow(2)).extracting(ImportProblem::message).containsExactly(
                "« N° de dossier » est vide : ce champ est obligatoire.",
                "« Date d’émission » : date illisible « 31/02/2026 » (attendu jj/mm/aaaa, par exemple 30/09/2026).",
                "« Prestation » est vide : ce champ est obligatoire.");
        assertThat(report.problemsOfRow(3)).extracting(ImportProblem::message).containsExactly(
                "« Date d’émission » : date illisible « 2026-10-05 » (attendu jj/mm/aaaa, par exemple 30/09/2026).",
                "« Tarif » a trop de décimales (0,33333) : 4 au plus.",
                "« Quantité » a trop de décimales (1,005) : 2 au plus.");
    }

    @Test
    void an_invoice_number_used_again_further_down_is_a_duplicate() {
        String text = csv(HEADER,
                "2026-000401;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00",
                "2026-000402;6001;Septembre 2026;05/10/2026;31/10/2026;MARTIN Léo;Repas Enfants;4,40;10,00;44,00;44,00",
                "2026-000401;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.badRows()).containsExactly(4);
        assertThat(report.problems().get(0).code()).isEqualTo("import.invoice.duplicate");
        assertThat(report.problems().get(0).message()).startsWith(
                "Le numéro de facture 2026-000401 est déjà utilisé plus haut dans le lot (ligne 2)");
    }

    @Test
    void the_lines_of_one_invoice_agree_on_its_dossier_dates_and_total() {
        String text = csv(HEADER,
                "2026-000501;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50",
                "2026-000501;6001;Septembre 2026;05/10/2026;30/11/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.badRows()).containsExactly(3);
        assertThat(report.problems()).extracting(ImportProblem::field)
                .containsExactly(ImportField.DOSSIER, ImportField.DUE_DATE);
        assertThat(report.problems().get(0).message()).isEqualTo(
                "« N° de dossier » vaut « 6001 » alors que la première ligne de la facture 2026-000501 (ligne 2) indique « 6000 ».");
        assertThat(report.problems().get(1).message()).contains("« 30/11/2026 »", "« 31/10/2026 »");
    }

    @Test
    void a_missing_column_is_said_once_on_the_header() {
        String text = csv("numero_facture;dossier;periode;date_emission;date_echeance;prestation;tarif;quantite;total_facture",
                "2026-000601;6000;Septembre 2026;05/10/2026;31/10/2026;Repas Enfants;4,40;10,00;44,00");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.badRows()).containsExactly(1);
        assertThat(report.problems()).extracting(ImportProblem::text).containsExactly(
                "Ligne 1 (noms des colonnes) : Colonne manquante : « montant » (Montant). Colonnes attendues : "
                        + "numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;prestation;tarif;quantite;montant;total_facture.");
    }

    @Test
    void an_unquoted_decimal_comma_in_a_comma_separated_file_shifts_the_columns() {
        String text = csv(HEADER.replace(';', ','),
                "2026-000701,6000,Septembre 2026,05/10/2026,31/10/2026,DURAND Marie,Repas Enfants,4,40,10,00,44,00,44,00");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.problems()).extracting(ImportProblem::code).containsExactly("import.row.columns");
        assertThat(report.problems().get(0).message()).startsWith("La ligne compte 15 valeurs pour 11 colonnes");
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_with_what_to_do() {
        byte[] latin1 = csv(HEADER, "2026-000801;6000;Février 2026;05/03/2026;31/03/2026;DURAND Zoé;Repas;4,40;1;4,40;4,40")
                .getBytes(Charset.forName("windows-1252"));

        ImportReport report = rejected(imports.fromCsv(latin1));

        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "import.file.encoding"));
        assertThat(report.text()).isEqualTo("Fichier : Le fichier n’est pas encodé en UTF-8 : "
                + "enregistrez-le au format « CSV UTF-8 » puis importez-le à nouveau.");
    }

    @Test
    void an_empty_file_and_a_header_without_rows() {
        assertThat(rejected(imports.fromCsv(new byte[0])).problems()).extracting(ImportProblem::code)
                .containsExactly("import.file.empty");
        assertThat(rejected(imports.fromCsv(utf8("\uFEFF\r\n"))).problems()).extracting(ImportProblem::code)
                .containsExactly("import.file.empty");
        assertThat(rejected(imports.fromCsv(utf8(csv(HEADER)))).problems()).extracting(ImportProblem::code)
                .containsExactly("import.batch.empty");
    }

    @Test
    void a_quote_never_closed_stops_the_reading_where_it_starts() {
        String text = csv(HEADER,
                "2026-000901;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00",
                "2026-000902;6000;Septembre 2026;05/10/2026;31/10/2026;\"DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00");

        ImportReport report = rejected(imports.fromCsv(utf8(text)));

        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "import.file.unreadable"));
    }

    @Test
    void numbers_as_people_write_them() {
        assertThat(CsvInvoiceReader.parseNumber("4,40")).isEqualTo(d("4.40"));
        assertThat(CsvInvoiceReader.parseNumber("4.40")).isEqualTo(d("4.40"));
        assertThat(CsvInvoiceReader.parseNumber("1 234,56")).isEqualTo(d("1234.56"));
        assertThat(CsvInvoiceReader.parseNumber("1\u202F234,56 €")).isEqualTo(d("1234.56"));
        assertThat(CsvInvoiceReader.parseNumber("-2")).isEqualTo(d("-2"));
        assertThat(CsvInvoiceReader.parseNumber("1.234,56")).isNull();
        assertThat(CsvInvoiceReader.parseNumber("4,4,0")).isNull();
        assertThat(CsvInvoiceReader.parseNumber("quatre")).isNull();
        assertThat(CsvInvoiceReader.parseNumber(",5")).isNull();
    }

    @Test
    void the_separator_is_the_headers() {
        assertThat(CsvInvoiceReader.separator("a;b;c\n1,5;2;3")).isEqualTo(';');
        assertThat(CsvInvoiceReader.separator("a,b,c\n\"1,5\",2,3")).isEqualTo(',');
        assertThat(CsvInvoiceReader.separator("a")).isEqualTo(',');
    }

    @Test
    void unknown_dossiers_are_reported_on_the_first_row_of_each_of_their_invoices() {
        String text = csv(HEADER,
                "2026-001001;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50",
                "2026-001001;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50",
                "2026-001002;9999;Septembre 2026;05/10/2026;31/10/2026;INCONNU Max;Garderie;2,00;3;6,00;6,00");
        InvoiceBatch batch = accepted(imports.fromCsv(utf8(text)));

        assertThat(batch.unknownDossiers(Set.of())).isEmpty();
        ImportReport report = batch.unknownDossiers(Set.of("9999")).orElseThrow();
        assertThat(report.problems()).extracting(ImportProblem::text)
                .containsExactly("Ligne 4 : Le dossier 9999 de la facture 2026-001002 est inconnu.");
        assertThat(report.problems().get(0).field()).isEqualTo(ImportField.DOSSIER);
        assertThat(List.copyOf(batch.dossierNumbers())).containsExactly("6000", "9999");
    }
}
