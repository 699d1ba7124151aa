package fr.portailfamille.billing.directdebit.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bank's pain.002 status report as French banks send it (version 001.03), read into rejections. */
class StatusReportReaderTest {

    private final StatusReportReader reader = new StatusReportReader();

    private static String transaction(String endToEndId, String status, String reason, String amount, String rum) {
        return """
                <TxInfAndSts>
                  <StsId>%1$s-STS</StsId>
                  <OrgnlEndToEndId>%1$s</OrgnlEndToEndId>
                  <TxSts>%2$s</TxSts>
                  %3$s
                  <OrgnlTxRef>
                    <Amt><InstdAmt Ccy="EUR">%4$s</InstdAmt></Amt>
                    <ReqdColltnDt>2027-01-05</ReqdColltnDt>
                    <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>RCUR</SeqTp></PmtTpInf>
                    <MndtRltdInf><MndtId>%5$s</MndtId></MndtRltdInf>
                  </OrgnlTxRef>
                </TxInfAndSts>""".formatted(endToEndId, status,
                reason == null ? "" : "<StsRsnInf><Orgtr><Nm>BANQUE</Nm></Orgtr><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>",
                amount, rum);
    }

    private static byte[] report(String groupStatus, String groupReason, String paymentInfo) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-20270106-0001</MsgId><CreDtTm>2027-01-06T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>PF-20270105-0001</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>
                      <GrpSts>%s</GrpSts>
                      %s
                    </OrgnlGrpInfAndSts>
                    %s
                  </CstmrPmtStsRpt>
                </Document>""".formatted(groupStatus,
                groupReason == null ? "" : "<StsRsnInf><Rsn><Cd>" + groupReason + "</Cd></Rsn></StsRsnInf>", paymentInfo)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_rejected_debits_are_read_with_their_invoice_mandate_amount_and_french_reason() {
        StatusReport read = reader.read(report("PART", null, """
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>PF-20270105-0001-RCUR</OrgnlPmtInfId>
                  <PmtInfSts>PART</PmtInfSts>
                  %s%s%s%s
                </OrgnlPmtInfAndSts>""".formatted(
                transaction("2026-000123", "RJCT", "AM04", "51.50", "RCC-2026-7QK2M9XW3A"),
                transaction("2026-000124", "ACSP", null, "12.00", "RCC-2026-AAAAAAAAAA"),
                transaction("2026-000125", "RJCT", "AC04", "8.8", "RCC-2026-BBBBBBBBBB"),
                transaction("2026-000126", "RJCT", "ZZ99", "1.00", "RCC-2026-CCCCCCCCCC"))));

        assertThat(read.messageId()).isEqualTo("STS-20270106-0001");
        assertThat(read.originalMessageId()).isEqualTo("PF-20270105-0001");
        assertThat(read.wholeFileRejected()).isFalse();
        assertThat(read.rejectedBatches()).isEmpty();
        assertThat(read.rejected()).extracting(StatusReport.RejectedDebit::endToEndId)
                .containsExactly("2026-000123", "2026-000125", "2026-000126");
        StatusReport.RejectedDebit first = read.rejected().get(0);
        assertThat(first.mandateId()).isEqualTo("RCC-2026-7QK2M9XW3A");
        assertThat(first.amount()).isEqualTo(new BigDecimal("51.50"));
        assertThat(first.reason()).isEqualTo(new RejectionReason("AM04", "Provision insuffisante"));
        assertThat(read.rejected().get(1).amount()).isEqualTo(new BigDecimal("8.80"));
        assertThat(read.rejected().get(1).reason().label()).isEqualTo("Compte clôturé");
        assertThat(read.rejected().get(2).reason().label()).isEqualTo("Motif ZZ99 (renseignez-vous auprès de la banque)");
    }

    @Test
    void a_whole_file_or_a_whole_batch_refused_is_said_so() {
        StatusReport file = reader.read(report("RJCT", "FF01", ""));
        assertThat(file.wholeFileRejected()).isTrue();
        assertThat(file.fileReason().label()).isEqualTo("Fichier mal formé");

        StatusReport batch = reader.read(report("PART", null, """
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>PF-20270105-0001-FRST</OrgnlPmtInfId>
                  <PmtInfSts>RJCT</PmtInfSts>
                  <StsRsnInf><Rsn><Cd>MD02</Cd></Rsn></StsRsnInf>
                </OrgnlPmtInfAndSts>"""));
        assertThat(batch.wholeFileRejected()).isFalse();
        assertThat(batch.rejectedBatches()).containsExactly(new StatusReport.RejectedBatch("PF-20270105-0001-FRST",
                new RejectionReason("MD02", "Informations du mandat manquantes ou erronées")));
    }

    @Test
    void a_file_with_a_dtd_an_entity_or_another_document_is_refused_whole() {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Document><CstmrPmtStsRpt><OrgnlGrpInfAndSts><OrgnlMsgId>&secret;</OrgnlMsgId></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(xxe)).isInstanceOf(UnreadableReportException.class)
                .hasMessageNotContaining("root:");

        byte[] transfer = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(transfer)).isInstanceOf(UnreadableReportException.class)
                .hasMessageContaining("pain.002");
        assertThatThrownBy(() -> reader.read("<Document><CstmrPmtStsRpt>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("XML lisible");
        assertThatThrownBy(() -> reader.read(report("PART", null, transaction("X", "RJCT", "AM04", "1.005", "R"))))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("1.005");
    }
}
