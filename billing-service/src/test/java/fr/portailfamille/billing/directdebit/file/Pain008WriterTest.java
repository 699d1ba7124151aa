package fr.portailfamille.billing.directdebit.file;

import fr.portailfamille.billing.directdebit.file.Pain008Fixtures.Read;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Pain008WriterTest {

    private final Pain008Writer writer = new Pain008Writer();

    @ParameterizedTest
    @EnumSource(Pain008Version.class)
    void a_file_for_several_families_validates_against_the_official_xsd(Pain008Version version) {
        byte[] xml = writer.write(Pain008Fixtures.threeFamilies(version));

        assertThat(Pain008Validator.forVersion(version).errors(xml)).isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Document xmlns=\"" + version.namespace() + "\">");
    }

    @ParameterizedTest
    @EnumSource(Pain008Version.class)
    void read_back_counts_sums_and_sequence_types_per_group_and_per_payment_information(Pain008Version version) {
        Read file = new Read(writer.writeValidated(Pain008Fixtures.threeFamilies(version)), version);

        String root = "/p:Document/p:CstmrDrctDbtInitn";
        assertThat(file.text(root + "/p:GrpHdr/p:MsgId")).isEqualTo("REGIE-20261210-0001");
        assertThat(file.text(root + "/p:GrpHdr/p:CreDtTm")).isEqualTo("2026-12-02T09:30:15Z");
        assertThat(file.text(root + "/p:GrpHdr/p:NbOfTxs")).isEqualTo("4");
        assertThat(file.text(root + "/p:GrpHdr/p:CtrlSum")).isEqualTo("188.00");
        assertThat(file.text(root + "/p:GrpHdr/p:InitgPty/p:Nm")).isEqualTo("Mairie de Saint-Etienne-du-Rouvray - Regie");

        assertThat(file.count(root + "/p:PmtInf")).isEqualTo(2);
        String frst = root + "/p:PmtInf[p:PmtTpInf/p:SeqTp='FRST']";
        String rcur = root + "/p:PmtInf[p:PmtTpInf/p:SeqTp='RCUR']";
        assertThat(file.text(root + "/p:PmtInf[1]/p:PmtTpInf/p:SeqTp")).isEqualTo("FRST");
        assertThat(file.text(frst + "/p:PmtInfId")).isEqualTo("REGIE-20261210-0001-FRST");
        assertThat(file.text(frst + "/p:NbOfTxs")).isEqualTo("1");
        assertThat(file.text(frst + "/p:CtrlSum")).isEqualTo("42.50");
        assertThat(file.text(rcur + "/p:NbOfTxs")).isEqualTo("3");
        assertThat(file.text(rcur + "/p:CtrlSum")).isEqualTo("145.50");
        assertThat(file.count(rcur + "/p:DrctDbtTxInf")).isEqualTo(3);

        for (String pmtInf : List.of(frst, rcur)) {
            assertThat(file.text(pmtInf + "/p:PmtMtd")).isEqualTo("DD");
            assertThat(file.text(pmtInf + "/p:PmtTpInf/p:SvcLvl/p:Cd")).isEqualTo("SEPA");
            assertThat(file.text(pmtInf + "/p:PmtTpInf/p:LclInstrm/p:Cd")).isEqualTo("CORE");
            assertThat(file.text(pmtInf + "/p:ReqdColltnDt")).isEqualTo("2026-12-10");
            assertThat(file.text(pmtInf + "/p:CdtrAcct/p:Id/p:IBAN")).isEqualTo("FR7630006000011234567890189");
            assertThat(file.text(pmtInf + "/p:CdtrAgt/p:FinInstnId/p:" + (version == Pain008Version.V02 ? "BIC" : "BICFI")))
                    .isEqualTo("AGRIFRPP");
            assertThat(file.text(pmtInf + "/p:ChrgBr")).isEqualTo("SLEV");
            assertThat(file.text(pmtInf + "/p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id")).isEqualTo("FR72ZZZ123456");
            assertThat(file.text(pmtInf + "/p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:SchmeNm/p:Prtry")).isEqualTo("SEPA");
        }

        String first = frst + "/p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-000101']";
        assertThat(file.text(first + "/p:InstdAmt")).isEqualTo("42.50");
        assertThat(file.text(first + "/p:InstdAmt/@Ccy")).isEqualTo("EUR");
        assertThat(file.text(first + "/p:DrctDbtTx/p:MndtRltdInf/p:MndtId")).isEqualTo("PF-2026-7K3M9XQ2TB");
        assertThat(file.text(first + "/p:DrctDbtTx/p:MndtRltdInf/p:DtOfSgntr")).isEqualTo("2026-11-20");
        assertThat(file.text(first + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInd")).isEqualTo("false");
        assertThat(file.count(first + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInfDtls")).isZero();
        assertThat(file.text(first + "/p:DbtrAgt/p:FinInstnId/p:Othr/p:Id")).isEqualTo("NOTPROVIDED");
        assertThat(file.text(first + "/p:Dbtr/p:Nm")).isEqualTo("Zoe Lefevre");
        assertThat(file.text(first + "/p:DbtrAcct/p:Id/p:IBAN")).isEqualTo("FR1420041010050500013M02606");
        assertThat(file.text(first + "/p:RmtInf/p:Ustrd")).isEqualTo("Facture 2026-000101 Cantine novembre");

        String amended = rcur + "/p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-000102']";
        assertThat(file.text(amended + "/p:InstdAmt")).isEqualTo("17.30");
        assertThat(file.text(amended + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInd")).isEqualTo("true");
        assertThat(file.text(amended + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:IBAN"))
                .isEqualTo("FR7610278060610001020480163");
        assertThat(file.text(amended + "/p:Dbtr/p:Nm")).isEqualTo("Francois Nguyen");
        assertThat(file.text(amended + "/p:RmtInf/p:Ustrd")).isEqualTo("Facture 2026-000102 Periscolaire");

        String sameMandateNewBank = rcur + "/p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-000104']";
        assertThat(file.text(sameMandateNewBank + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInd")).isEqualTo("true");
        assertThat(file.text(sameMandateNewBank + "/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id"))
                .isEqualTo("SMNDA");
        assertThat(file.text(sameMandateNewBank + "/p:Dbtr/p:Nm")).isEqualTo("Oedipe Muller + Soren");
        assertThat(file.text(sameMandateNewBank + "/p:InstdAmt")).isEqualTo("120.00");
    }

    @Test
    void every_sequence_type_gets_its_own_payment_information_in_a_fixed_order() {
        DirectDebitFile file = new DirectDebitFile("MSG-1", Instant.parse("2026-12-02T00:00:00Z"),
                Pain008Fixtures.COLLECTION_DATE, Pain008Fixtures.CREDITOR, List.of(
                Pain008Fixtures.debit("E4", "4.00", SequenceType.OOFF),
                Pain008Fixtures.debit("E3", "3.00", SequenceType.FNAL),
                Pain008Fixtures.debit("E2", "2.00", SequenceType.RCUR),
                Pain008Fixtures.debit("E1", "1.00", SequenceType.FRST)));

        for (Pain008Version version : Pain008Version.values()) {
            Read read = new Read(writer.writeValidated(file.withVersion(version)), version);
            String root = "/p:Document/p:CstmrDrctDbtInitn/p:PmtInf";
            assertThat(List.of(read.text(root + "[1]/p:PmtTpInf/p:SeqTp"), read.text(root + "[2]/p:PmtTpInf/p:SeqTp"),
                    read.text(root + "[3]/p:PmtTpInf/p:SeqTp"), read.text(root + "[4]/p:PmtTpInf/p:SeqTp")))
                    .containsExactly("FRST", "RCUR", "FNAL", "OOFF");
            assertThat(read.text(root + "[4]/p:CtrlSum")).isEqualTo("4.00");
        }
    }

    @Test
    void amounts_are_summed_exactly_in_big_decimal() {
        DirectDebitFile file = new DirectDebitFile("MSG-SUM", Pain008Fixtures.CREATED_AT, Pain008Fixtures.COLLECTION_DATE,
                Pain008Fixtures.CREDITOR, List.of(
                Pain008Fixtures.debit("E1", "0.10", SequenceType.RCUR),
                Pain008Fixtures.debit("E2", "0.10", SequenceType.RCUR),
                Pain008Fixtures.debit("E3", "0.1", SequenceType.RCUR)));

        assertThat(0.1 + 0.1 + 0.1).isNotEqualTo(0.3); // what a double would have written
        assertThat(file.controlSum()).isEqualTo(new BigDecimal("0.30"));
        Read read = new Read(writer.writeValidated(file), Pain008Version.V02);
        assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:GrpHdr/p:CtrlSum")).isEqualTo("0.30");
        assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:PmtInf/p:CtrlSum")).isEqualTo("0.30");
        assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:PmtInf/p:DrctDbtTxInf[3]/p:InstdAmt")).isEqualTo("0.10");
    }

    @Test
    void a_long_message_id_still_gives_payment_information_ids_of_35_characters() {
        String messageId = "A".repeat(35);
        assertThat(Pain008Writer.paymentInformationId(messageId, SequenceType.RCUR)).hasSize(35).endsWith("A-RCUR");
        DirectDebitFile file = new DirectDebitFile(messageId, Pain008Fixtures.CREATED_AT, Pain008Fixtures.COLLECTION_DATE,
                Pain008Fixtures.CREDITOR, List.of(Pain008Fixtures.debit("E1", "1.00", SequenceType.RCUR)));
        assertThat(Pain008Validator.forVersion(Pain008Version.V02).errors(writer.write(file))).isEmpty();
    }

    @Test
    void ten_thousand_debits_make_one_valid_file() {
        List<DirectDebit> debits = new java.util.ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 1; i <= 10_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(i % 997 + 1, 2).add(BigDecimal.valueOf(i % 50));
            expected = expected.add(amount);
            debits.add(new DirectDebit(String.format("2026-%06d", i), amount, String.format("PF-2026-%010d", i % 7000),
                    java.time.LocalDate.of(2025, 1 + i % 12, 1 + i % 28), i % 10 == 0 ? SequenceType.FRST : SequenceType.RCUR,
                    "Famille Élève n° " + i, "FR7630006000011234567890189", i % 2 == 0 ? "AGRIFRPP" : null,
                    i % 100 == 0 ? new MandateAmendment.OriginalDebtorAccount("FR1420041010050500013M02606") : null,
                    "Facture " + i));
        }
        for (Pain008Version version : Pain008Version.values()) {
            byte[] xml = writer.writeValidated(new DirectDebitFile("BIG-1", Pain008Fixtures.CREATED_AT,
                    Pain008Fixtures.COLLECTION_DATE, Pain008Fixtures.CREDITOR, debits, version));

            Read read = new Read(xml, version);
            assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:GrpHdr/p:NbOfTxs")).isEqualTo("10000");
            assertThat(new BigDecimal(read.text("/p:Document/p:CstmrDrctDbtInitn/p:GrpHdr/p:CtrlSum"))).isEqualTo(expected.setScale(2));
            assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:PmtInf[1]/p:NbOfTxs")).isEqualTo("1000");
            assertThat(read.text("/p:Document/p:CstmrDrctDbtInitn/p:PmtInf[2]/p:NbOfTxs")).isEqualTo("9000");
        }
    }
}
