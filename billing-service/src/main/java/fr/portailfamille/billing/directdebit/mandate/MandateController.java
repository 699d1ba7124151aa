package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.platform.security.FamilyOnly;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import fr.portailfamille.platform.uploads.FileDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The family's side of its mandate: read the text, ask, get a new code, sign, see the mandate. */
@RestController
@FamilyOnly
public class MandateController {

    private final Mandates mandates;

    public MandateController(Mandates mandates) {
        this.mandates = mandates;
    }

    public record TextView(String version, String creditorName, List<String> creditorAddress,
                           String creditorIdentifier, List<String> paragraphs) {
    }

    /** A mandate as the family sees it: never the full IBAN. */
    public record MandateView(UUID id, MandateStatus status, String statusLabel, String holderName, String addressLine,
                              String postcode, String city, String maskedIban, String bic, String rum,
                              String textVersion, Instant codeExpiresAt, Integer codeTriesLeft, Instant signedAt,
                              String pendingMaskedIban, Instant amendedAt, Instant revokedAt,
                              String creditorName, String creditorIdentifier) {

        static MandateView of(Mandate m, CreditorProperties creditor) {
            boolean waiting = m.getStatus() == MandateStatus.PENDING_SIGNATURE || m.hasPendingChange();
            return new MandateView(m.getId(), m.getStatus(), m.getStatus().label(), m.getHolderName(),
                    m.getAddressLine(), m.getPostcode(), m.getCity(), m.maskedIban(), m.getBic(), m.getRum(),
                    m.getTextVersion(), waiting ? m.getCodeExpiresAt() : null, waiting ? m.getCodeTriesLeft() : null,
                    m.getSignedAt(), m.maskedPendingIban(), m.getAmendedAt(), m.getRevokedAt(), creditor.name(),
                    creditor.identifier());
        }
    }

    public record SignatureForm(@NotBlank String code) {
    }

    private MandateView view(Mandate mandate) {
        return MandateView.of(mandate, mandates.creditor());
    }

    @Operation(summary = "The mandate's text to read before signing, with its version")
    @GetMapping("/api/billing/mandates/text")
    public TextView text() {
        MandateText text = mandates.text();
        CreditorProperties creditor = mandates.creditor();
        return new TextView(text.version(), creditor.name(), creditor.address(), creditor.identifier(), text.paragraphs());
    }

    @Operation(summary = "The dossier's active mandate, or the one waiting for its signature (404: none)")
    @GetMapping("/api/billing/mandates/current")
    public MandateView current(PortalPrincipal family) {
        return view(mandates.current(family));
    }

    @Operation(summary = "« Adhérer au prélèvement automatique »: the mandate waits for the code e-mailed to the account")
    @PostMapping("/api/billing/mandates")
    @ResponseStatus(HttpStatus.CREATED)
    public MandateView ask(PortalPrincipal family, @Valid @RequestBody MandateForm form) {
        return view(mandates.ask(family, form));
    }

    @Operation(summary = "The signed mandate as a PDF (RUM, creditor, masked IBAN, text, signature)")
    @GetMapping("/api/billing/mandates/{id}/pdf")
    public ResponseEntity<byte[]> pdf(PortalPrincipal family, @PathVariable UUID id) {
        byte[] bytes = mandates.pdf(family, id);
        return new FileDownload("mandat-prelevement-sepa.pdf", "application/pdf", bytes).asAttachment();
    }

    @Operation(summary = "« Modifier mes coordonnées bancaires »: new details applied once the e-mailed code is typed")
    @PostMapping("/api/billing/mandates/{id}/bank-details")
    public MandateView askChange(PortalPrincipal family, @PathVariable UUID id, @Valid @RequestBody BankDetailsForm form) {
        return view(mandates.askChange(family, id, form));
    }

    @Operation(summary = "« Arrêter le prélèvement »: the mandate is revoked, no later file carries it")
    @PostMapping("/api/billing/mandates/{id}/revocation")
    public MandateView revoke(PortalPrincipal family, @PathVariable UUID id) {
        return view(mandates.revoke(family, id));
    }

    @Operation(summary = "Send a new code (the former one stops working)")
    @PostMapping("/api/billing/mandates/{id}/code")
    public MandateView newCode(PortalPrincipal family, @PathVariable UUID id) {
        return view(mandates.newCode(family, id));
    }

    @Operation(summary = "Sign with the e-mailed code: the mandate becomes active with its RUM")
    @PostMapping("/api/billing/mandates/{id}/signature")
    public MandateView sign(PortalPrincipal family, @PathVariable UUID id, @Valid @RequestBody SignatureForm form,
                            HttpServletRequest request) {
        // The family's address as the gateway decided it (docs/adr/007-client-address.md).
        return view(mandates.sign(family, id, form.code(), ClientAddress.of(request)));
    }
}
