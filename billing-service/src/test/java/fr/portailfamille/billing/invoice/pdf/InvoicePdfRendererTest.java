package fr.portailfamille.billing.invoice.pdf;

import fr.portailfamille.billing.invoice.InvoiceLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice's PDF read back with PDFBox: what a family must find on it is there, as text. */
class InvoicePdfRendererTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

    static InvoiceDocument seed(String accessKey) {
        return new InvoiceDocument("Communauté de communes Roussillon Conflent",
                List.of("Service Facturation", "66130 Ille-sur-Têt"), "https://portail.example.test",
                "Famille DURAND", List.of("12 rue des Écoles", "66130 Ille-sur-Têt"), "6000", accessKey,
                "2026-000123", "Septembre 2026", LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 31),
                List.of(InvoiceLine.of("DURAND Marie", "Repas Enfants", new BigDecimal("4.40"), new BigDecimal("10.00")),
                        InvoiceLine.of("DURAND Marie", "Atelier 3D", new BigDecimal("0.75"), new BigDecimal("10.00"))),
                new BigDecimal("51.50"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        }
    }

    @Test
    void the_seed_invoice_reads_back_with_its_dossier_key_lines_total_and_where_to_pay() throws IOException {
        String text = text(renderer.render(seed("K7PX2M9Q")));

        assertThat(text).contains("Communauté de communes Roussillon Conflent", "Service Facturation",
                "66130 Ille-sur-Têt", "Famille DURAND", "12 rue des Écoles",
                "N° DOSSIER : 6000", "Clé d’accès : K7PX-2M9Q",
                "FACTURE", "N° 2026-000123", "Période : Septembre 2026",
                "Date d’émission : 05/10/2026", "Date d’échéance : 31/10/2026",
                "Nom et Prénom – Prestation", "Tarif", "Quantité", "Montant",
                "DURAND Marie – Repas Enfants 4,40 10,00 44,00 €",
                "DURAND Marie – Atelier 3D 0,75 10,00 7,50 €",
                "Total à payer : 51,50 €", "À régler avant le 31/10/2026",
                "Payez en ligne sur https://portail.example.test");
    }

    @Test
    void without_a_readable_key_the_family_is_told_where_to_ask_for_it() throws IOException {
        assertThat(text(renderer.render(seed(null)))).contains("Clé d’accès : demandez-la au service Facturation");
    }

    @Test
    void markup_in_a_value_is_text_and_big_amounts_are_grouped() throws IOException {
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(InvoiceLine.of("<b>O'Neil & fils</b>", "Séjour « été »", new BigDecimal("1234.5"), new BigDecimal("1")));
        lines.add(InvoiceLine.of(null, "Frais de dossier", new BigDecimal("0.3333"), new BigDecimal("3")));
        InvoiceDocument invoice = new InvoiceDocument("Autorité", List.of(), "https://p.test", "Famille <X>", List.of(),
                "6001", "ABCD2345", "2026-9", "Été 2026", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31),
                lines, new BigDecimal("1235.50"));

        String text = text(renderer.render(invoice));

        assertThat(text).contains("<b>O'Neil & fils</b> – Séjour « été » 1 234,50 1,00 1 234,50 €",
                "Frais de dossier 0,3333 3,00 1,00 €", "Total à payer : 1 235,50 €", "Famille <X>");
    }

    @Test
    void a_long_invoice_goes_on_over_pages() throws IOException {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            lines.add(InvoiceLine.of("DURAND Marie", "Repas du jour " + i, new BigDecimal("4.40"), BigDecimal.ONE));
        }
        InvoiceDocument invoice = new InvoiceDocument("Autorité", List.of(), "https://p.test", "Famille", List.of(),
                "6000", null, "2026-1", "Année", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), lines,
                new BigDecimal("352.00"));

        byte[] pdf = renderer.render(invoice);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf)).contains("Repas du jour 79", "Total à payer : 352,00 €");
    }

    @Test
    void rendering_is_fast_enough_for_a_big_batch() {
        InvoiceDocument invoice = seed("K7PX2M9Q");
        for (int i = 0; i < 30; i++) {
            renderer.render(invoice);
        }
        int count = 200;
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += renderer.render(invoice).length;
        }
        double ms = (System.nanoTime() - start) / 1e6 / count;
        System.out.printf("InvoicePdfRenderer: %.2f ms a PDF, %d bytes each, on one thread%n", ms, bytes / count);
        assertThat(ms).as("ms a PDF on one thread").isLessThan(100);
    }
}
