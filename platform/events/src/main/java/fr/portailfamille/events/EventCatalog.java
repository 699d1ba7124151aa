package fr.portailfamille.events;

import fr.portailfamille.events.billing.DirectDebitRejected;
import fr.portailfamille.events.billing.InvoiceCancelled;
import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.events.billing.MandateActivated;
import fr.portailfamille.events.billing.MandateLapsed;
import fr.portailfamille.events.billing.MandateRevoked;
import fr.portailfamille.events.billing.MandateSignatureRequested;
import fr.portailfamille.events.billing.PaymentFailed;
import fr.portailfamille.events.billing.PaymentSucceeded;
import fr.portailfamille.events.identity.AccountActivationRequested;
import fr.portailfamille.events.identity.AccountDeleted;
import fr.portailfamille.events.identity.AccountLinkedToDossier;
import fr.portailfamille.events.identity.EmailChangeRequested;
import fr.portailfamille.events.identity.EmailChanged;
import fr.portailfamille.events.identity.FirstAccountLinkedToDossier;
import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.events.identity.PasswordResetRequested;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.ContactEmailChanged;
import fr.portailfamille.events.dossier.DossierAccountLinked;
import fr.portailfamille.events.dossier.DocumentPublished;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.events.dossier.RequestSubmitted;
import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the portal: its CloudEvents {@code type}, its record, its topic and whether it
 * carries a secret. A new event is one record plus one line here; a test checks that types and records
 * are unique, and that every event holding a link (a component named {@code …Url}) is declared secret
 * and travels on a topic of short retention ({@link Topics#configs}).
 */
public final class EventCatalog {

    /**
     * @param type          CloudEvents type, {@code fr.portailfamille.<service>.<EventName>}
     * @param carriesSecret the event holds a secret in clear (a single-use link with its token, a one-time
     *                      code): the outbox erases it as soon as Kafka acknowledged it (ADR 009), and
     *                      nothing else may keep it
     */
    public record Entry(String type, Class<? extends PortalEvent> recordClass, String topic, boolean carriesSecret) {

        /** {@code dossier/ContactDetailsChanged}: where notification-service looks for templates. */
        public String templateName() {
            return type.substring(PREFIX.length()).replace('.', '/');
        }

        /** The service that owns the type: {@code identity} for {@code fr.portailfamille.identity.EmailChanged}. */
        public String owner() {
            return type.substring(PREFIX.length(), type.indexOf('.', PREFIX.length()));
        }

        /**
         * The CloudEvents {@code source} its owner publishes with, {@code /portail-famille/identity-service}
         * (what the outbox writes: {@code /portail-famille/} + {@code spring.application.name}).
         */
        public String ownerSource() {
            return "/portail-famille/" + owner() + "-service";
        }
    }

    static final String PREFIX = "fr.portailfamille.";

    private static final List<Entry> ENTRIES = List.of(
            entry("dossier", DossierCreated.class, Topics.DOSSIER),
            entry("dossier", ContactDetailsChanged.class, Topics.DOSSIER),
            entry("dossier", RequestSubmitted.class, Topics.DOSSIER),
            entry("dossier", RequestStatusChanged.class, Topics.DOSSIER),
            entry("dossier", DocumentPublished.class, Topics.DOSSIER),
            entry("dossier", ContactEmailChanged.class, Topics.DOSSIER),
            entry("dossier", DossierAccountLinked.class, Topics.DOSSIER),
            entry("billing", InvoiceIssued.class, Topics.BILLING),
            entry("billing", InvoiceCancelled.class, Topics.BILLING),
            entry("billing", PaymentSucceeded.class, Topics.BILLING),
            entry("billing", PaymentFailed.class, Topics.BILLING),
            secret("billing", MandateSignatureRequested.class, Topics.BILLING),
            entry("billing", MandateActivated.class, Topics.BILLING),
            entry("billing", MandateRevoked.class, Topics.BILLING),
            entry("billing", MandateLapsed.class, Topics.BILLING),
            entry("billing", DirectDebitRejected.class, Topics.BILLING),
            secret("identity", AccountActivationRequested.class, Topics.IDENTITY),
            secret("identity", PasswordResetRequested.class, Topics.IDENTITY),
            entry("identity", PasswordChanged.class, Topics.IDENTITY),
            entry("identity", AccountLinkedToDossier.class, Topics.IDENTITY),
            entry("identity", AccountDeleted.class, Topics.IDENTITY),
            secret("identity", EmailChangeRequested.class, Topics.IDENTITY),
            entry("identity", EmailChanged.class, Topics.IDENTITY),
            entry("identity", FirstAccountLinkedToDossier.class, Topics.IDENTITY),
            entry("messaging", MessageSent.class, Topics.MESSAGING),
            entry("messaging", MessageReplied.class, Topics.MESSAGING));

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::recordClass, Function.identity()));

    private EventCatalog() {
    }

    private static Entry entry(String service, Class<? extends PortalEvent> recordClass, String topic) {
        return new Entry(PREFIX + service + "." + recordClass.getSimpleName(), recordClass, topic, false);
    }

    /** An event that holds a secret in clear: erased from the outbox once published (ADR 009). */
    private static Entry secret(String service, Class<? extends PortalEvent> recordClass, String topic) {
        return new Entry(PREFIX + service + "." + recordClass.getSimpleName(), recordClass, topic, true);
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Whether events of {@code type} hold a secret (false for a type outside the catalog). */
    public static boolean carriesSecret(String type) {
        return byType(type).map(Entry::carriesSecret).orElse(false);
    }

    public static Entry entryOf(Class<?> recordClass) {
        Entry entry = BY_CLASS.get(recordClass);
        if (entry == null) {
            throw new IllegalArgumentException(recordClass.getName() + " is not in the EventCatalog");
        }
        return entry;
    }
}
