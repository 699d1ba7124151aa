package fr.portailfamille.billing.directdebit.report;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a bank's ISO 20022 customer payment status report ({@code pain.002}, versions 001.03 as
 * French banks send it, and later ones: the elements read have kept their names) into a
 * {@link StatusReport}. Elements are matched by local name whatever the namespace and version.
 * <p>
 * The file comes from outside: the reader refuses any DTD (no external entity, no entity expansion:
 * XXE and « billion laughs » cannot happen) and anything that is not a status report; such a file is
 * an {@link UnreadableReportException} with a French reason, never a half-read report.
 */
public final class StatusReportReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // SUPPORT_DTD=false already refuses every DTD.
        }
        return factory;
    }

    /** The report's bytes, as uploaded or fetched from the bank. */
    public StatusReport read(byte[] xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new UnreadableReportException("Le fichier n’est pas un XML lisible"
                    + (e.getLocation() != null ? " (ligne " + e.getLocation().getLineNumber() + ")" : "") + ".", e);
        }
    }

    private StatusReport read(XMLStreamReader reader) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        boolean isReport = false;
        String messageId = null;
        String originalMessageId = null;
        String groupStatus = null;
        String groupReason = null;
        List<StatusReport.RejectedDebit> rejected = new ArrayList<>();
        List<StatusReport.RejectedBatch> rejectedBatches = new ArrayList<>();
        Transaction tx = null;
        Transaction batch = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new UnreadableReportException("Le fichier contient une DTD : un relevé de la banque n’en a pas.", null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (path.isEmpty() && !name.equals("Document")) {
                    throw notAReport();
                }
                if (name.equals("CstmrPmtStsRpt")) {
                    isReport = true;
                }
                if (name.equals("TxInfAndSts")) {
                    tx = new Transaction();
                } else if (name.equals("OrgnlPmtInfAndSts")) {
                    batch = new Transaction();
                }
                path.push(name);
                if (!isElementWithText(name)) {
                    continue;
                }
                String text = reader.getElementText().strip();
                path.pop();
                String parent = path.peek();
                if (tx != null) {
                    tx.take(name, parent, path, text);
                } else if (batch != null) {
                    batch.take(name, parent, path, text);
                } else if (name.equals("MsgId") && "GrpHdr".equals(parent)) {
                    messageId = text;
                } else if (name.equals("OrgnlMsgId") && "OrgnlGrpInfAndSts".equals(parent)) {
                    originalMessageId = text;
                } else if (name.equals("GrpSts") && "OrgnlGrpInfAndSts".equals(parent)) {
                    groupStatus = text;
                } else if (name.equals("Cd") && path.contains("OrgnlGrpInfAndSts") && path.contains("StsRsnInf")) {
                    groupReason = text;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                if (name.equals("TxInfAndSts") && tx != null) {
                    if ("RJCT".equals(tx.status)) {
                        if (tx.endToEndId == null) {
                            throw new UnreadableReportException(
                                    "Un prélèvement rejeté du relevé n’a pas d’identifiant (OrgnlEndToEndId).", null);
                        }
                        rejected.add(new StatusReport.RejectedDebit(tx.endToEndId, tx.mandateId, tx.amount,
                                RejectionReason.of(tx.reason)));
                    }
                    tx = null;
                } else if (name.equals("OrgnlPmtInfAndSts") && batch != null) {
                    if ("RJCT".equals(batch.status)) {
                        rejectedBatches.add(new StatusReport.RejectedBatch(batch.paymentInformationId,
                                RejectionReason.of(batch.reason)));
                    }
                    batch = null;
                }
            }
        }
        if (!isReport) {
            throw notAReport();
        }
        if (originalMessageId == null) {
            throw new UnreadableReportException("Le relevé ne dit pas à quel fichier il répond (OrgnlMsgId).", null);
        }
        boolean wholeFile = "RJCT".equals(groupStatus);
        return new StatusReport(messageId, originalMessageId, wholeFile, wholeFile ? RejectionReason.of(groupReason) : null,
                List.copyOf(rejectedBatches), List.copyOf(rejected));
    }

    /** The leaf elements read; every other element is only walked through. */
    private static boolean isElementWithText(String name) {
        return switch (name) {
            case "MsgId", "OrgnlMsgId", "GrpSts", "Cd", "OrgnlEndToEndId", "TxSts", "InstdAmt", "MndtId",
                 "OrgnlPmtInfId", "PmtInfSts" -> true;
            default -> false;
        };
    }

    private static UnreadableReportException notAReport() {
        return new UnreadableReportException(
                "Ce fichier n’est pas un relevé de statut de prélèvements (pain.002, CstmrPmtStsRpt).", null);
    }

    /** What the report says of one debit, or of one PmtInf (its id and status), as read. */
    private static final class Transaction {
        String paymentInformationId;
        String endToEndId;
        String status;
        String reason;
        String mandateId;
        BigDecimal amount;

        void take(String name, String parent, Deque<String> path, String text) {
            switch (name) {
                case "OrgnlEndToEndId" -> endToEndId = text;
                case "TxSts", "PmtInfSts" -> status = text;
                case "OrgnlPmtInfId" -> paymentInformationId = text;
                case "Cd" -> {
                    if ("Rsn".equals(parent) && path.contains("StsRsnInf") && reason == null) {
                        reason = text;
                    }
                }
                case "InstdAmt" -> amount = amount(text);
                case "MndtId" -> mandateId = text;
                default -> {
                }
            }
        }

        private static BigDecimal amount(String text) {
            try {
                return new BigDecimal(text).setScale(2, java.math.RoundingMode.UNNECESSARY);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new UnreadableReportException("Montant illisible dans le relevé : « " + text + " ».", e);
            }
        }
    }
}
