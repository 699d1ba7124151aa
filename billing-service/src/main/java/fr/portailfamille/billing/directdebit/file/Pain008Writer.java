package fr.portailfamille.billing.directdebit.file;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DirectDebitFile} as an ISO 20022 {@code pain.008} message (SEPA CORE direct debit),
 * UTF-8, indented, with the JDK's StAX: no JAXB, no generated classes, one pass, the file streamed.
 *
 * <p>What is written, in the schema's order: {@code GrpHdr} ({@code MsgId}, {@code CreDtTm} in UTC,
 * {@code NbOfTxs} and {@code CtrlSum} of the whole file, {@code InitgPty/Nm} the creditor); then one
 * {@code PmtInf} per sequence type present (FRST, RCUR, FNAL, OOFF, in that order) with its own
 * {@code NbOfTxs} and {@code CtrlSum}, {@code PmtMtd DD}, {@code SvcLvl SEPA}, {@code LclInstrm CORE},
 * {@code SeqTp}, {@code ReqdColltnDt}, the creditor, its account and bank (BIC, or {@code Othr/Id
 * NOTPROVIDED} when only the IBAN is known, as the EPC allows since 2016), {@code ChrgBr SLEV} and
 * {@code CdtrSchmeId} (the ICS, {@code Prtry SEPA}); inside, one {@code DrctDbtTxInf} per debit
 * ({@code EndToEndId}, {@code InstdAmt Ccy="EUR"}, the mandate: {@code MndtId}, {@code DtOfSgntr},
 * {@code AmdmntInd} and, when amended, {@code AmdmntInfDtls/OrgnlDbtrAcct}; the debtor's bank, name
 * and IBAN; {@code RmtInf/Ustrd}).
 *
 * <p>{@code PmtInfId} is the message id followed by {@code -FRST} etc. (the message id cut to 30
 * characters first, so it stays within 35). Sums are exact ({@code BigDecimal}). The writer does not
 * validate: {@link #writeValidated} does, with {@link Pain008Validator}. Stateless and thread-safe.
 */
public final class Pain008Writer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** The file, not validated. */
    public byte[] write(DirectDebitFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + 1024 * file.debits().size());
        write(file, out);
        return out.toByteArray();
    }

    /** The file, checked against its version's XSD; {@link Pain008ValidationException} when it does not match. */
    public byte[] writeValidated(DirectDebitFile file) {
        byte[] xml = write(file);
        Pain008Validator.forVersion(file.version()).validate(xml);
        return xml;
    }

    /** Streams the file to {@code out} (left open). */
    public void write(DirectDebitFile file, OutputStream out) {
        try {
            XMLStreamWriter xml;
            synchronized (FACTORY) { // the factory's thread safety is not promised; creating a writer is cheap
                xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            }
            Xml w = new Xml(xml, file.version());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.start("Document");
            xml.writeDefaultNamespace(file.version().namespace());
            w.start("CstmrDrctDbtInitn");
            groupHeader(w, file);
            for (Map.Entry<SequenceType, List<DirectDebit>> batch : bySequenceType(file.debits()).entrySet()) {
                paymentInformation(w, file, batch.getKey(), batch.getValue());
            }
            w.end(); // CstmrDrctDbtInitn
            w.end(); // Document
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the direct-debit file " + file.messageId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void groupHeader(Xml w, DirectDebitFile file) throws XMLStreamException {
        w.start("GrpHdr");
        w.leaf("MsgId", file.messageId());
        w.leaf("CreDtTm", DateTimeFormatter.ISO_INSTANT.format(file.createdAt()));
        w.leaf("NbOfTxs", Integer.toString(file.debits().size()));
        w.leaf("CtrlSum", amount(file.controlSum()));
        w.start("InitgPty");
        w.leaf("Nm", file.creditor().name());
        w.end();
        w.end();
    }

    private static void paymentInformation(Xml w, DirectDebitFile file, SequenceType sequenceType,
                                           List<DirectDebit> debits) throws XMLStreamException {
        Creditor creditor = file.creditor();
        w.start("PmtInf");
        w.leaf("PmtInfId", paymentInformationId(file.messageId(), sequenceType));
        w.leaf("PmtMtd", "DD");
        w.leaf("NbOfTxs", Integer.toString(debits.size()));
        w.leaf("CtrlSum", amount(DirectDebitFile.sum(debits)));
        w.start("PmtTpInf");
        w.start("SvcLvl");
        w.leaf("Cd", "SEPA");
        w.end();
        w.start("LclInstrm");
        w.leaf("Cd", "CORE");
        w.end();
        w.leaf("SeqTp", sequenceType.name());
        w.end(); // PmtTpInf
        w.leaf("ReqdColltnDt", file.requestedCollectionDate().toString());
        w.start("Cdtr");
        w.leaf("Nm", creditor.name());
        w.end();
        account(w, "CdtrAcct", creditor.iban());
        agent(w, "CdtrAgt", creditor.bic());
        w.leaf("ChrgBr", "SLEV");
        w.start("CdtrSchmeId");
        w.start("Id");
        w.start("PrvtId");
        w.start("Othr");
        w.leaf("Id", creditor.ics());
        w.start("SchmeNm");
        w.leaf("Prtry", "SEPA");
        w.end(); // SchmeNm
        w.end(); // Othr
        w.end(); // PrvtId
        w.end(); // Id
        w.end(); // CdtrSchmeId
        for (DirectDebit debit : debits) {
            transaction(w, debit);
        }
        w.end(); // PmtInf
    }

    private static void transaction(Xml w, DirectDebit debit) throws XMLStreamException {
        w.start("DrctDbtTxInf");
        w.start("PmtId");
        w.leaf("EndToEndId", debit.endToEndId());
        w.end();
        w.startAttributed("InstdAmt", "Ccy", "EUR", amount(debit.amount()));
        w.start("DrctDbtTx");
        w.start("MndtRltdInf");
        w.leaf("MndtId", debit.mandateId());
        w.leaf("DtOfSgntr", debit.mandateSignatureDate().toString());
        w.leaf("AmdmntInd", Boolean.toString(debit.amendment() != null));
        if (debit.amendment() != null) {
            w.start("AmdmntInfDtls");
            w.start("OrgnlDbtrAcct");
            w.start("Id");
            if (debit.amendment() instanceof MandateAmendment.OriginalDebtorAccount original) {
                w.leaf("IBAN", original.iban());
            } else { // SameMandateNewDebtorAgent
                w.start("Othr");
                w.leaf("Id", "SMNDA");
                w.end();
            }
            w.end(); // Id
            w.end(); // OrgnlDbtrAcct
            w.end(); // AmdmntInfDtls
        }
        w.end(); // MndtRltdInf
        w.end(); // DrctDbtTx
        agent(w, "DbtrAgt", debit.debtorBic());
        w.start("Dbtr");
        w.leaf("Nm", debit.debtorName());
        w.end();
        account(w, "DbtrAcct", debit.debtorIban());
        if (debit.remittanceInformation() != null) {
            w.start("RmtInf");
            w.leaf("Ustrd", debit.remittanceInformation());
            w.end();
        }
        w.end(); // DrctDbtTxInf
    }

    private static void account(Xml w, String element, String iban) throws XMLStreamException {
        w.start(element);
        w.start("Id");
        w.leaf("IBAN", iban);
        w.end();
        w.end();
    }

    /** A bank: its BIC ({@code BIC} in .02, {@code BICFI} in .08), or {@code Othr/Id NOTPROVIDED}. */
    private static void agent(Xml w, String element, String bic) throws XMLStreamException {
        w.start(element);
        w.start("FinInstnId");
        if (bic != null) {
            w.leaf(w.version.bicElement(), bic);
        } else {
            w.start("Othr");
            w.leaf("Id", "NOTPROVIDED");
            w.end();
        }
        w.end();
        w.end();
    }

    public static String paymentInformationId(String messageId, SequenceType sequenceType) {
        String base = messageId.length() > 30 ? messageId.substring(0, 30) : messageId;
        return base + "-" + sequenceType.name();
    }

    private static Map<SequenceType, List<DirectDebit>> bySequenceType(List<DirectDebit> debits) {
        Map<SequenceType, List<DirectDebit>> batches = new EnumMap<>(SequenceType.class);
        for (DirectDebit debit : debits) {
            batches.computeIfAbsent(debit.sequenceType(), type -> new ArrayList<>()).add(debit);
        }
        return batches;
    }

    private static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** StAX with indentation: an element holds either children or text, never both. */
    private static final class Xml {
        private final XMLStreamWriter out;
        private final Pain008Version version;
        private int depth;

        Xml(XMLStreamWriter out, Pain008Version version) {
            this.out = out;
            this.version = version;
        }

        void start(String name) throws XMLStreamException {
            indent();
            out.writeStartElement(name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            out.writeEndElement();
        }

        void leaf(String name, String text) throws XMLStreamException {
            indent();
            out.writeStartElement(name);
            out.writeCharacters(text);
            out.writeEndElement();
        }

        void startAttributed(String name, String attribute, String value, String text) throws XMLStreamException {
            indent();
            out.writeStartElement(name);
            out.writeAttribute(attribute, value);
            out.writeCharacters(text);
            out.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            out.writeCharacters("\n");
            for (int i = 0; i < depth; i++) {
                out.writeCharacters("  ");
            }
        }
    }
}
