package fr.portailfamille.billing.invoice.imports;

import fr.portailfamille.billing.invoice.NewInvoice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonInvoiceImportTest {

    private final InvoiceImport imports = new InvoiceImport();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static JsonInvoiceBatch.Invoice seed(String number, BigDecimal total, JsonInvoiceBatch.Line... lines) {
        return new JsonInvoiceBatch.Invoice(number, "6000", "Septembre 2026", LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 31), total, List.of(lines));
    }

    private static JsonInvoiceBatch.Line line(String service, String unitPrice, String quantity, String amount) {
        return new JsonInvoiceBatch.Line("DURAND Marie", service, d(unitPrice), d(quantity), d(amount));
    }

    @Test
    void the_json_shape_of_the_seed_invoice_is_accepted() {
        String json = """
                {"invoices": [{"number": "2026-000123", "dossierNumber": "6000", "period": "Septembre 2026",
                  "issueDate": "2026-10-05", "dueDate": "2026-10-31", "total": 51.50,
                  "lines": [
                    {"beneficiary": "DURAND Marie", "service": "Repas Enfants", "unitPrice": 4.40, "quantity": 10.00, "amount": 44.00},
                    {"beneficiary": "DURAND Marie", "service": "Atelier 3D", "unitPrice": 0.75, "quantity": 10.00, "amount": 7.50}
                  ]}]}
                """;
        JsonInvoiceBatch batch = JsonMapper.builder().build().readValue(json, JsonInvoiceBatch.class);

        ImportResult result = imports.fromJson(batch);

        assertThat(result).isInstanceOf(ImportResult.Accepted.class);
        ImportedInvoice imported = ((ImportResult.Accepted) result).batch().invoices().get(0);
        NewInvoice invoice = imported.invoice();
        assertThat(invoice.total()).isEqualTo(d("51.50"));
        assertThat(invoice.lines()).hasSize(2);
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(imported.location()).isEqualTo("facture 1, ligne 1");
    }

    @Test
    void the_json_batch_goes_through_the_same_rules_as_the_csv_file() {
        JsonInvoiceBatch batch = new JsonInvoiceBatch(List.of(
                seed("2026-000123", d("51.50"),
                        line("Repas Enfants", "4.40", "10.00", "44.00"), line("Atelier 3D", "0.75", "10.00", "7.50")),
                seed("2026-000124", d("44.10"), line("Repas Enfants", "4.40", "10.00", "44.10")),
                seed("2026-000123", d("7.50"), line("Atelier 3D", "0.75", "10.00", "7.50")),
                seed("2026-000125", d("0.00"), line("Repas Enfants", "4.40", "0", "0.00")),
                seed("2026-000126", d("1.00")),
                new JsonInvoiceBatch.Invoice("2026-000127", null, "Septembre 2026", LocalDate.of(2026, 10, 5),
                        LocalDate.of(2026, 10, 4), d("50.00"), List.of(line("Repas Enfants", "4.40", "10.00", "44.00")))));

        ImportResult result = imports.fromJson(batch);

        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        ImportReport report = ((ImportResult.Rejected) result).report();
        assertThat(report.problems()).extracting(ImportProblem::text).containsExactly(
                "Facture 2, ligne 1 : « Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime).",
                "Facture 3, ligne 1 : Le numéro de facture 2026-000123 est déjà utilisé plus haut dans le lot (facture 1, ligne 1) : "
                        + "un numéro n’appartient qu’à une facture, et les lignes d’une même facture se suivent.",
                "Facture 4, ligne 1 : « Quantité » doit être supérieure à zéro (0,00).",
                "Facture 5 : La facture 2026-000126 n’a aucune ligne.",
                "Facture 6, ligne 1 : « N° de dossier » est vide : ce champ est obligatoire.",
                "Facture 6, ligne 1 : La date d’échéance 04/10/2026 de la facture 2026-000127 est antérieure à sa date d’émission 05/10/2026.",
                "Facture 6, ligne 1 : « Total de la facture » de la facture 2026-000127 vaut 50,00 alors que la somme de ses lignes est 44,00.");
        assertThat(report.badRows()).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void an_empty_batch_is_refused() {
        ImportResult result = imports.fromJson(new JsonInvoiceBatch(List.of()));
        assertThat(((ImportResult.Rejected) result).report().problems()).extracting(ImportProblem::code)
                .containsExactly("import.batch.empty");
        assertThat(imports.fromJson(new JsonInvoiceBatch(null))).isInstanceOf(ImportResult.Rejected.class);
    }
}
