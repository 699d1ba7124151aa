package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.Creditor;
import fr.portailfamille.billing.directdebit.file.DirectDebit;
import fr.portailfamille.billing.directdebit.file.DirectDebitFile;
import fr.portailfamille.billing.directdebit.file.MandateAmendment;
import fr.portailfamille.billing.directdebit.file.Pain008ValidationException;
import fr.portailfamille.billing.directdebit.file.Pain008Writer;
import fr.portailfamille.billing.directdebit.file.SepaText;
import fr.portailfamille.billing.directdebit.file.SequenceType;
import fr.portailfamille.billing.directdebit.mandate.CreditorProperties;
import fr.portailfamille.billing.directdebit.mandate.Mandate;
import fr.portailfamille.billing.directdebit.mandate.Mandates;
import fr.portailfamille.billing.invoice.DebitableInvoice;
import fr.portailfamille.billing.invoice.InvoiceDebits;
import fr.portailfamille.platform.problem.ApiProblem;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The direct-debit file of a collection date (« Exporter le fichier »): the invoices « À payer » due by
 * that day of the dossiers with an active mandate, one debit each, FRST for a mandate without a debit
 * that stands, RCUR after, the amendment of a change of bank details told once. The file is validated
 * against the pain.008 schema before anything is kept; then the invoices are « Prélèvement prévu » and
 * the file is kept. One file per date: exporting a date again offers the same file, nobody is debited
 * twice. Exports run one at a time (a transaction-scoped advisory lock).
 */
@Service
public class DebitCollections {

    private static final Logger log = LoggerFactory.getLogger(DebitCollections.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long EXPORT_LOCK = 0x5045_5056L; // "PRLV": one export at a time
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CollectionRepository collections;
    private final CollectedDebitRepository debits;
    private final Mandates mandates;
    private final InvoiceDebits invoices;
    private final CreditorProperties creditor;
    private final DirectDebitProperties properties;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Pain008Writer writer = new Pain008Writer();

    DebitCollections(CollectionRepository collections, CollectedDebitRepository debits, Mandates mandates,
                     InvoiceDebits invoices, CreditorProperties creditor, DirectDebitProperties properties,
                     EntityManager entityManager, Clock clock) {
        this.collections = collections;
        this.debits = debits;
        this.mandates = mandates;
        this.invoices = invoices;
        this.creditor = creditor;
        this.properties = properties;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A file and whether it existed before this call (same date exported again). */
    public record Exported(DebitCollection collection, boolean alreadyExported) {
    }

    @Transactional
    public Exported export(LocalDate collectionDate) {
        if (collectionDate == null) {
            throw ApiProblem.invalidField("collectionDate", "direct-debit.date.required");
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + EXPORT_LOCK + ")").getSingleResult();
        var existing = collections.findByCollectionDate(collectionDate);
        if (existing.isPresent()) {
            return new Exported(existing.get(), true);
        }
        LocalDate earliest = LocalDate.now(clock.withZone(PARIS)).plusDays(properties.minimumNoticeDays());
        if (collectionDate.isBefore(earliest)) {
            throw ApiProblem.invalidField("collectionDate", "direct-debit.date.too-early", FRENCH_DATE.format(earliest));
        }
        Map<String, Mandate> byDossier = new LinkedHashMap<>();
        for (Mandate mandate : mandates.lockActive()) {
            byDossier.put(mandate.getDossierNumber(), mandate);
        }
        List<DebitableInvoice> due = invoices.schedule(byDossier.keySet(), collectionDate);
        if (due.isEmpty()) {
            throw ApiProblem.conflict("aucun-prelevement", "direct-debit.nothing-to-collect",
                    FRENCH_DATE.format(collectionDate));
        }
        Set<UUID> used = new HashSet<>(debits.mandatesWithStandingDebit(
                byDossier.values().stream().map(Mandate::getId).toList()));
        UUID collectionId = UUID.randomUUID();
        List<DirectDebit> fileDebits = new ArrayList<>(due.size());
        List<CollectedDebit> kept = new ArrayList<>(due.size());
        Set<Mandate> amended = new HashSet<>();
        for (DebitableInvoice invoice : due) {
            Mandate mandate = byDossier.get(invoice.dossierNumber());
            SequenceType type = used.contains(mandate.getId()) ? SequenceType.RCUR : SequenceType.FRST;
            MandateAmendment amendment = mandate.pendingAmendment();
            if (amendment != null) {
                amended.add(mandate);
            }
            String endToEndId = endToEndId(invoice);
            fileDebits.add(new DirectDebit(endToEndId, invoice.total(), mandate.getRum(),
                    LocalDate.ofInstant(mandate.getSignedAt(), PARIS), type, mandate.getHolderName(),
                    mandate.ibanForBank(), mandate.getBic(), amendment,
                    "Facture " + invoice.number() + " " + invoice.period()));
            kept.add(new CollectedDebit(collectionId, endToEndId, invoice.id(), invoice.number(),
                    invoice.dossierNumber(), mandate.getId(), mandate.getRum(), mandate.getHolderName(),
                    mandate.maskedIban(), invoice.total(), type, amendment != null));
        }
        Instant now = clock.instant();
        String messageId = messageId(collectionDate);
        DirectDebitFile file = new DirectDebitFile(messageId, now, collectionDate,
                new Creditor(creditor.name(), creditor.identifier(), creditor.iban(), creditor.bic()), fileDebits,
                properties.painVersion());
        byte[] xml;
        try {
            xml = writer.writeValidated(file);
        } catch (Pain008ValidationException e) {
            log.error("Direct-debit file of {} refused by its schema, nothing kept: {}", collectionDate, e.getMessage());
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "fichier-non-conforme", "direct-debit.file.invalid",
                    e.errors().size());
        }
        DebitCollection collection = new DebitCollection(collectionId, collectionDate, messageId,
                properties.painVersion().id(), fileDebits.size(), file.controlSum(), xml);
        entityManager.persist(collection);
        entityManager.flush();
        for (CollectedDebit debit : kept) {
            entityManager.persist(debit);
        }
        amended.forEach(mandates::amendmentCarried);
        entityManager.flush();
        log.info("Direct-debit file {} for {}: {} debits, {} EUR", messageId, collectionDate, fileDebits.size(),
                file.controlSum());
        return new Exported(collection, false);
    }

    @Transactional(readOnly = true)
    public Page<CollectionRepository.Summary> list(int page, int size) {
        return collections.summaries(PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public DebitCollection get(UUID id) {
        return collections.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("fichier-introuvable", "direct-debit.collection.not-found"));
    }

    @Transactional(readOnly = true)
    public List<CollectedDebit> debitsOf(UUID collectionId) {
        return debits.ofCollection(collectionId);
    }

    /** The collection date of the mandate's last debit that stands, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> lastDebitDate(UUID mandateId) {
        return debits.lastDebitDate(mandateId);
    }

    /**
     * The invoice's own number when the bank can carry it as is (SEPA characters, 35 at most), else a
     * reference drawn for it: the bank gives it back on a rejection.
     */
    private static String endToEndId(DebitableInvoice invoice) {
        return SepaText.isIdentifier(invoice.number()) ? invoice.number()
                : "FAC-" + invoice.id().toString().replace("-", "").substring(0, 24).toUpperCase();
    }

    private String messageId(LocalDate collectionDate) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            random.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        String prefix = creditor.rumPrefix() == null || creditor.rumPrefix().isBlank() ? "PRLV" : creditor.rumPrefix();
        String id = prefix + "-PRLV-" + COMPACT_DATE.format(collectionDate) + "-" + random;
        return id.length() > 35 ? id.substring(id.length() - 35) : id;
    }
}
