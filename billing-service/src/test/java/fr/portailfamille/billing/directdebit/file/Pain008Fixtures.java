package fr.portailfamille.billing.directdebit.file;

import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/** Test data: three families of a town, and a DOM/XPath reader of the written file (prefix {@code p}). */
final class Pain008Fixtures {

    static final Creditor CREDITOR = new Creditor("Mairie de Saint-Étienne-du-Rouvray — Régie", "FR72ZZZ123456",
            "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP");
    static final Instant CREATED_AT = Instant.parse("2026-12-02T09:30:15.123Z");
    static final LocalDate COLLECTION_DATE = LocalDate.of(2026, 12, 10);

    private Pain008Fixtures() {
    }

    /** FRST (a new mandate), RCUR (two invoices, one amended with a new IBAN at the same bank), RCUR moved to another bank (SMNDA). */
    static DirectDebitFile threeFamilies(Pain008Version version) {
        return new DirectDebitFile("REGIE-20261210-0001", CREATED_AT, COLLECTION_DATE, CREDITOR, List.of(
                new DirectDebit("2026-000101", new BigDecimal("42.50"), "PF-2026-7K3M9XQ2TB", LocalDate.of(2026, 11, 20),
                        SequenceType.FRST, "Zoé Lefèvre", "FR1420041010050500013M02606", null, null,
                        "Facture 2026-000101 Cantine novembre"),
                new DirectDebit("2026-000102", new BigDecimal("17.3"), "PF-2025-AB12CD34EF", LocalDate.of(2025, 9, 2),
                        SequenceType.RCUR, "François Nguyễn", "FR7630006000011234567890189", "AGRIFRPP",
                        new MandateAmendment.OriginalDebtorAccount("FR76 1027 8060 6100 0102 0480 163"),
                        "Facture 2026-000102 Périscolaire"),
                new DirectDebit("2026-000103", new BigDecimal("8.20"), "PF-2025-AB12CD34EF", LocalDate.of(2025, 9, 2),
                        SequenceType.RCUR, "François Nguyễn", "FR7630006000011234567890189", "AGRIFRPP", null,
                        "Facture 2026-000103 Centre de loisirs"),
                new DirectDebit("2026-000104", new BigDecimal("120.00"), "PF-2024-ZZ99YY88XX", LocalDate.of(2024, 8, 30),
                        SequenceType.RCUR, "Œdipe Müller & Søren", "DE89370400440532013000", null,
                        new MandateAmendment.SameMandateNewDebtorAgent(), "Facture 2026-000104 Conservatoire")),
                version);
    }

    static DirectDebit debit(String endToEndId, String amount, SequenceType sequenceType) {
        return new DirectDebit(endToEndId, new BigDecimal(amount), "PF-2026-" + endToEndId, LocalDate.of(2026, 1, 15),
                sequenceType, "Famille " + endToEndId, "FR1420041010050500013M02606", null, null, "Facture " + endToEndId);
    }

    /** The written file, parsed, namespace-aware, with XPath on prefix {@code p}. */
    static final class Read {
        private final Document document;
        private final XPath xpath;

        Read(byte[] xml, Pain008Version version) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            } catch (Exception e) {
                throw new AssertionError("Not XML", e);
            }
            xpath = XPathFactory.newDefaultInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "p".equals(prefix) ? version.namespace() : XMLConstants.NULL_NS_URI;
                }

                @Override
                public String getPrefix(String namespaceURI) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String namespaceURI) {
                    return null;
                }
            });
        }

        String text(String expression) {
            try {
                return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
            } catch (XPathExpressionException e) {
                throw new AssertionError(expression, e);
            }
        }

        int count(String expression) {
            return Integer.parseInt(text("count(" + expression + ")").replace(".0", ""));
        }
    }
}
