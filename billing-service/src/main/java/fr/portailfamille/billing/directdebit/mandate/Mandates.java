package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.MandateReference;
import fr.portailfamille.billing.directdebit.consent.ConsentCode;
import fr.portailfamille.billing.invoice.InvoiceDebits;
import fr.portailfamille.events.billing.MandateActivated;
import fr.portailfamille.events.billing.MandateLapsed;
import fr.portailfamille.events.billing.MandateRevoked;
import fr.portailfamille.events.billing.MandateSignatureRequested;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * « Adhérer au prélèvement automatique »: a family asks for a mandate with its bank details, gets a
 * code by e-mail (MandateSignatureRequested), types it, and the mandate is active with its RUM
 * (MandateActivated). One active mandate per dossier; asking again replaces a mandate still waiting
 * for its signature. Another dossier's mandate is 404, as an id that does not exist.
 */
@Service
public class Mandates {

    static final String SIGNATURE = "SIGNATURE";
    static final String BANK_DETAILS_CHANGE = "BANK_DETAILS_CHANGE";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<MandateStatus> CURRENT = List.of(MandateStatus.ACTIVE, MandateStatus.PENDING_SIGNATURE);

    private final MandateRepository mandates;
    private final CreditorProperties creditor;
    private final OutboxPublisher outbox;
    private final MandatePdf pdf;
    private final InvoiceDebits invoiceDebits;
    private final Clock clock;

    public Mandates(MandateRepository mandates, CreditorProperties creditor, OutboxPublisher outbox, MandatePdf pdf,
                    InvoiceDebits invoiceDebits, Clock clock) {
        this.mandates = mandates;
        this.creditor = creditor;
        this.outbox = outbox;
        this.pdf = pdf;
        this.invoiceDebits = invoiceDebits;
        this.clock = clock;
    }

    /** Of these dossiers, those with an active mandate. */
    @Transactional(readOnly = true)
    public Set<String> dossiersWithActiveMandate(Collection<String> dossierNumbers) {
        return dossierNumbers.isEmpty() ? Set.of() : Set.copyOf(mandates.activeDossiers(dossierNumbers));
    }

    /** Every active mandate, locked until the caller's transaction ends (a file is being made from them). */
    @Transactional
    public List<Mandate> lockActive() {
        return mandates.lockActive();
    }

    /** The file just made tells the bank of the mandate's new bank details: they are no longer pending. */
    @Transactional
    public void amendmentCarried(Mandate mandate) {
        mandate.amendmentCarried();
        mandates.save(mandate);
    }

    /**
     * The mandate was not used for 36 months (last debit {@code lastDebitDate}, or never since its
     * signature): it lapses, as the SEPA rulebook says, and the family is told. An inactive one is left.
     */
    @Transactional
    public boolean lapse(UUID id, LocalDate lastDebitDate) {
        Mandate mandate = mandates.lockById(id).orElse(null);
        if (mandate == null || mandate.getStatus() != MandateStatus.ACTIVE) {
            return false;
        }
        mandate.lapse();
        mandates.saveAndFlush(mandate);
        outbox.publish(new MandateLapsed(mandate.getDossierNumber(), mandate.getId().toString(), mandate.getRum(),
                lastDebitDate, mandate.getFamilyName(), mandate.getEmail()));
        return true;
    }

    /** Signed mandates (active, stopped, lapsed), of one dossier or all, newest first (agents). */
    @Transactional(readOnly = true)
    public Page<Mandate> signed(String dossierNumber, int page, int size) {
        String dossier = dossierNumber == null || dossierNumber.isBlank() ? null : dossierNumber.strip();
        return mandates.signed(dossier, PageRequest.of(page, size, Sort.by(Sort.Order.desc("signedAt"))));
    }

    /** Any mandate (agents); 404 when unknown. */
    @Transactional(readOnly = true)
    public Mandate get(UUID id) {
        return mandates.findById(id).orElseThrow(() -> ApiProblem.notFound("mandat-introuvable", "mandate.not-found"));
    }

    public MandateText text() {
        return MandateText.current(creditor);
    }

    public CreditorProperties creditor() {
        return creditor;
    }

    /** The dossier's active mandate, else the one waiting for its signature; 404 when there is none. */
    @Transactional(readOnly = true)
    public Mandate current(PortalPrincipal family) {
        return mandates.ofDossier(dossierOf(family), CURRENT).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("mandat-introuvable", "mandate.none"));
    }

    /** The signed mandate of the family's dossier as a PDF; 404 for another dossier's, 409 before it is signed. */
    @Transactional(readOnly = true)
    public byte[] pdf(PortalPrincipal family, UUID id) {
        Mandate mandate = mandates.findById(id).filter(m -> m.getDossierNumber().equals(dossierOf(family)))
                .orElseThrow(() -> ApiProblem.notFound("mandat-introuvable", "mandate.not-found"));
        if (mandate.getSignedAt() == null) {
            throw ApiProblem.conflict("mandat-non-signe", "mandate.not-signed");
        }
        return pdf.render(mandate, creditor, MandateText.current(creditor));
    }

    @Transactional
    public Mandate ask(PortalPrincipal family, MandateForm form) {
        String dossier = dossierOf(family);
        MandateRequest request = form.checked();
        if (!MandateText.CURRENT_VERSION.equals(request.textVersion())) {
            throw ApiProblem.conflict("texte-du-mandat-change", "mandate.text.changed");
        }
        if (!mandates.ofDossier(dossier, List.of(MandateStatus.ACTIVE)).isEmpty()) {
            throw ApiProblem.conflict("mandat-deja-actif", "mandate.already-active");
        }
        String email = family.email();
        if (email == null || email.isBlank()) {
            throw ApiProblem.conflict("adresse-electronique-requise", "mandate.email.missing");
        }
        mandates.deletePending(dossier);
        Mandate mandate = new Mandate(UUID.randomUUID(), dossier, request, MandateText.CURRENT_VERSION, email,
                family.name());
        sendCode(mandate);
        return mandates.saveAndFlush(mandate);
    }

    /** A new code for a mandate or a change of bank details still waiting for it (the former code stops working). */
    @Transactional
    public Mandate newCode(PortalPrincipal family, UUID id) {
        Mandate mandate = locked(family, id);
        if (mandate.getStatus() != MandateStatus.PENDING_SIGNATURE && !mandate.hasPendingChange()) {
            throw ApiProblem.conflict("mandat-deja-signe", "mandate.nothing-to-sign");
        }
        sendCode(mandate);
        return mandates.saveAndFlush(mandate);
    }

    /**
     * The family types its code. Right and in time: the mandate is active (or its new bank details
     * apply). Wrong: 400 on « Code » with the tries left — and the try is counted, hence no rollback for
     * these answers.
     */
    @Transactional(noRollbackFor = ApiProblem.class)
    public Mandate sign(PortalPrincipal family, UUID id, String code, String ip) {
        Mandate mandate = locked(family, id);
        boolean change = mandate.getStatus() == MandateStatus.ACTIVE && mandate.hasPendingChange();
        if (mandate.getStatus() != MandateStatus.PENDING_SIGNATURE && !change) {
            throw ApiProblem.conflict("mandat-deja-signe", "mandate.nothing-to-sign");
        }
        Instant now = clock.instant();
        ConsentCode stored = mandate.code();
        ConsentCode.Attempt attempt = stored == null
                ? new ConsentCode.Attempt(ConsentCode.Outcome.NEW_CODE_NEEDED, null)
                : stored.check(mandate.consentPurpose(), code, now);
        if (attempt.after() != null) {
            mandate.newCode(attempt.after());
            mandates.saveAndFlush(mandate);
        }
        switch (attempt.outcome()) {
            case WRONG -> throw ApiProblem.invalidField("code", "mandate.code.wrong", attempt.after().triesLeft());
            case NEW_CODE_NEEDED -> throw ApiProblem.conflict("nouveau-code-necessaire", "mandate.code.expired");
            default -> {
            }
        }
        if (change) {
            mandate.applyChange(now);
        } else {
            mandate.sign(MandateReference.next(creditor.rumPrefix(), Year.now(clock.withZone(PARIS))), now, ip,
                    family.auditName());
        }
        mandates.saveAndFlush(mandate);
        LocalDate firstDebit = change ? null
                : invoiceDebits.firstPlannedDebit(mandate.getDossierNumber(), LocalDate.now(clock.withZone(PARIS)))
                .orElse(null);
        outbox.publish(new MandateActivated(mandate.getDossierNumber(), mandate.getId().toString(),
                change ? BANK_DETAILS_CHANGE : SIGNATURE, mandate.getRum(), mandate.maskedIban(), creditor.name(),
                creditor.identifier(), now, mandate.getFamilyName(), mandate.getEmail(), firstDebit));
        return mandate;
    }

    /**
     * « Modifier mes coordonnées bancaires »: new bank details on the same mandate (same RUM), applied
     * once the family types the code e-mailed now; until then the former ones stay.
     */
    @Transactional
    public Mandate askChange(PortalPrincipal family, UUID id, BankDetailsForm form) {
        Mandate mandate = active(family, id);
        BankDetailsForm.Checked details = form.checked();
        if (mandate.sameIban(details.iban())) {
            throw ApiProblem.invalidField("iban", "mandate.change.same-iban");
        }
        mandate.askChange(details.holderName(), details.iban(), details.bic());
        sendCode(mandate);
        return mandates.saveAndFlush(mandate);
    }

    /** « Arrêter le prélèvement »: the mandate is revoked; no file carries it from now on. */
    @Transactional
    public Mandate revoke(PortalPrincipal family, UUID id) {
        Mandate mandate = active(family, id);
        Instant now = clock.instant();
        mandate.revoke(now, family.auditName());
        mandates.saveAndFlush(mandate);
        outbox.publish(new MandateRevoked(mandate.getDossierNumber(), mandate.getId().toString(), mandate.getRum(),
                now, mandate.getFamilyName(), mandate.getEmail()));
        return mandate;
    }

    private void sendCode(Mandate mandate) {
        ConsentCode.Issued issued = ConsentCode.issue(mandate.consentPurpose(), clock.instant());
        mandate.newCode(issued.stored());
        boolean change = mandate.hasPendingChange();
        outbox.publish(new MandateSignatureRequested(mandate.getDossierNumber(), mandate.getId().toString(),
                change ? BANK_DETAILS_CHANGE : SIGNATURE, issued.code(), issued.stored().expiresAt(),
                change ? mandate.maskedPendingIban() : mandate.maskedIban(), creditor.name(),
                mandate.getFamilyName(), mandate.getEmail()));
    }

    private Mandate locked(PortalPrincipal family, UUID id) {
        return mandates.lockOfDossier(id, dossierOf(family))
                .orElseThrow(() -> ApiProblem.notFound("mandat-introuvable", "mandate.not-found"));
    }

    private Mandate active(PortalPrincipal family, UUID id) {
        Mandate mandate = locked(family, id);
        if (mandate.getStatus() != MandateStatus.ACTIVE) {
            throw ApiProblem.conflict("mandat-non-actif", "mandate.not-active", mandate.getStatus().label());
        }
        return mandate;
    }

    private static String dossierOf(PortalPrincipal family) {
        return family.dossier().orElseThrow(() -> ApiProblem.forbidden("dossier-requis", "payment.no-dossier"));
    }
}
