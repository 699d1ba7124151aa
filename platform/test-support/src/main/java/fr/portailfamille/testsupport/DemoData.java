package fr.portailfamille.testsupport;

/**
 * The demo data, created through the services' own APIs as the family and an agent would, once:
 * dossier 6000 of the DURAND family (its family account claire.durand is among Keycloak's demo
 * users) with its guardian Claire DURAND (address in Prades), its child Marie, one request in each
 * status, one document (the leisure centres' rules, a PDF) and the seed's invoice, unpaid
 * ({@link #INVOICE}: Repas Enfants 4.40 × 10 = 44.00 and Atelier 3D 0.75 × 10 = 7.50, total 51.50),
 * imported as the billing software would. Used by the local stack and by e2e.
 */
public final class DemoData {

    public static final String DOSSIER = "6000";

    /** The seed's invoice of dossier 6000. */
    public static final String INVOICE = "2026-000123";

    private static final String REGLEMENT = "reglement-accueils-de-loisirs-2026.pdf";

    /** The summer holiday centre's registration form, attached to its news item. */
    private static final String FICHE_ETE = "fiche-inscription-accueil-de-loisirs-ete-2027.pdf";

    private static final String NEWS_NOEL = "Vacances de Noël : du samedi 19 décembre 2026 au lundi 4 janvier 2027";
    private static final String NEWS_ETE = "Accueil de loisirs d’été 2027 : inscriptions jusqu’au 15 juin";

    private DemoData() {
    }

    /**
     * What {@link #ensure} did: a line per thing, in French, for the launcher to print; and dossier
     * 6000's access key when it was created now (it is shown only then), else null.
     */
    public record Done(java.util.List<String> lines, String accessKey) {
    }

    /** Creates what is missing. */
    public static Done ensure(String portal) {
        java.util.List<String> done = new java.util.ArrayList<>();
        String accessKey = null;
        PortalSession agent = PortalSession.login(portal, "agent.jeunesse", "Agent-Jeunesse-2026");
        if (agent.get("/api/dossier/dossiers/" + DOSSIER).status() == 200) {
            done.add("dossier 6000 (DURAND) déjà là");
        } else {
            ApiClient.Response created = agent.post("/api/dossier/dossiers", """
                    {"number":"6000","familyName":"DURAND","email":"claire.durand@example.fr","phone":"04 68 96 00 00"}""");
            expect(created, 201, "dossier 6000");
            accessKey = created.json().get("accessKey").asString();
            done.add("dossier 6000 (DURAND) créé, clé d'accès imprimée sur ses factures : "
                    + created.json().get("accessKey").asString() + " (notez-la : elle n'est montrée qu'une fois)");
        }
        ApiClient.Response children = agent.get("/api/dossier/dossiers/" + DOSSIER + "/children");
        if (children.status() == 200 && children.body().contains("\"Marie\"")) {
            done.add("Marie DURAND déjà là");
        } else {
            expect(agent.post("/api/dossier/dossiers/" + DOSSIER + "/children", """
                    {"firstName":"Marie","lastName":"DURAND","birthDate":"2016-05-12",
                     "school":"École Jean Macé, Prades","className":"CM1",
                     "activities":["Repas Enfants","Atelier 3D"]}"""), 201, "enfant Marie");
            done.add("Marie DURAND ajoutée au dossier 6000");
        }
        ApiClient.Response guardians = agent.get("/api/dossier/dossiers/" + DOSSIER + "/guardians");
        if (guardians.status() == 200 && guardians.json().size() > 0) {
            done.add("responsable légal du dossier 6000 déjà là");
        } else {
            expect(agent.post("/api/dossier/dossiers/" + DOSSIER + "/guardians", """
                    {"civility":"MADAME","firstName":"Claire","lastName":"DURAND","email":"claire.durand@example.fr",
                     "mobilePhone":"06 12 34 56 78","homePhone":"04 68 96 00 00",
                     "addressLine1":"3 rue des Écoles","postcode":"66500","city":"Prades"}"""), 201, "responsable légal");
            done.add("Madame Claire DURAND, responsable légale du dossier 6000, 3 rue des Écoles 66500 Prades");
        }
        ApiClient.Response documents = agent.get("/api/dossier/dossiers/" + DOSSIER + "/documents");
        if (documents.status() == 200 && documents.json().size() > 0) {
            done.add("documents du dossier 6000 déjà là");
        } else {
            expect(agent.post("/api/dossier/dossiers/" + DOSSIER + "/documents", new Multipart()
                    .field("type", "REGLEMENT")
                    .field("title", "Règlement intérieur des accueils de loisirs 2026")
                    .file("file", REGLEMENT, "application/pdf", resource("demo/" + REGLEMENT))), 201, "document");
            done.add("document « Règlement intérieur des accueils de loisirs 2026 » mis à disposition");
        }
        ApiClient.Response requests = agent.get("/api/dossier/dossiers/" + DOSSIER + "/requests");
        if (requests.status() == 200 && requests.json().size() > 0) {
            done.add("démarches du dossier 6000 déjà là");
        } else {
            requestsInEveryStatus(portal, agent);
            done.add("une démarche dans chaque état (Envoyée, En cours de traitement, Acceptée, Refusée, Annulée)");
        }
        ApiClient.Response invoices = agent.get("/api/billing/dossiers/" + DOSSIER + "/invoices");
        if (invoices.status() == 200 && invoices.body().contains(INVOICE)) {
            done.add("facture " + INVOICE + " du dossier 6000 déjà là");
        } else {
            expect(agent.post("/api/billing/imports", """
                    {"invoices": [{"number": "%s", "dossierNumber": "6000", "period": "Septembre 2026",
                      "issueDate": "2026-10-05", "dueDate": "2026-10-31", "total": 51.50,
                      "lines": [
                        {"beneficiary": "DURAND Marie", "service": "Repas Enfants", "unitPrice": 4.40, "quantity": 10.00, "amount": 44.00},
                        {"beneficiary": "DURAND Marie", "service": "Atelier 3D", "unitPrice": 0.75, "quantity": 10.00, "amount": 7.50}]}]}""".formatted(INVOICE)),
                    201, "facture " + INVOICE);
            done.add("facture " + INVOICE + " (Septembre 2026, 51,50 €, à payer) importée pour le dossier 6000");
        }
        news(agent, done);
        PortalSession family = PortalSession.login(portal, "claire.durand", "Famille-Durand-6000");
        family.acceptCurrentCgu();
        String version = family.get("/api/identity/cgu/current").json().get("version").asString();
        done.add("conditions générales d'utilisation " + version + " acceptées par claire.durand");
        return new Done(done, accessKey);
    }

    /**
     * « Je m'informe »: the next school holidays of the académie de Montpellier (zone C; Noël is the
     * same in every zone), public; the summer holiday centre's registration deadline with its form
     * (PDF), for families. Written by an agent as in the agents' « Actualités ».
     */
    private static void news(PortalSession agent, java.util.List<String> done) {
        String existing = agent.get("/api/messaging/agent/news?size=100").body();
        if (existing.contains(NEWS_NOEL)) {
            done.add("actualités « Je m'informe » déjà là");
            return;
        }
        expect(agent.post("/api/messaging/agent/news", """
                {"title": "%s", "category": "VACANCES", "audience": "PUBLIC",
                 "publicationDate": "2026-11-16", "expiryDate": "2027-01-04", "draft": false,
                 "text": "<p>Vacances scolaires de l’académie de Montpellier (zone C) : fin des cours le <strong>samedi 19 décembre 2026</strong>, reprise le <strong>lundi 4 janvier 2027</strong> au matin.</p><p>Les accueils de loisirs de la communauté de communes accueillent les enfants pendant ces vacances, sauf les jours fériés. Pour réserver, écrivez au Service Enfance par la Messagerie, thème Inscriptions.</p>"}"""
                .formatted(NEWS_NOEL)), 201, "actualité des vacances de Noël");
        ApiClient.Response summer = agent.post("/api/messaging/agent/news", """
                {"title": "%s", "category": "INSCRIPTIONS", "audience": "FAMILIES",
                 "publicationDate": "2026-11-16", "expiryDate": "2027-06-15", "deadline": "2027-06-15", "draft": false,
                 "text": "<p>L’accueil de loisirs d’été ouvre du <strong>mercredi 7 juillet au vendredi 27 août 2027</strong> pour les enfants de 3 à 11 ans.</p><ul><li>Téléchargez la fiche d’inscription ci-dessous et remplissez-la ;</li><li>envoyez-la au Service Enfance par la Messagerie (thème Inscriptions), ou déposez-la à l’accueil ;</li><li>les places sont attribuées dans l’ordre d’arrivée des dossiers complets.</li></ul>"}"""
                .formatted(NEWS_ETE));
        expect(summer, 201, "actualité de l'accueil de loisirs d'été");
        long id = summer.json().get("id").asLong();
        expect(agent.put("/api/messaging/agent/news/" + id + "/form", new Multipart()
                .file("file", FICHE_ETE, "application/pdf", resource("demo/" + FICHE_ETE))), 200, "fiche d'inscription d'été");
        done.add("actualités « Je m'informe » : « " + NEWS_NOEL + " » (tout public), « " + NEWS_ETE
                + " » (familles, date limite 15/06/2027, fiche d'inscription en PDF)");
    }

    /** What a family and an agent would have done: one request left in each status. */
    private static void requestsInEveryStatus(String portal, PortalSession agent) {
        PortalSession family = PortalSession.login(portal, "claire.durand", "Famille-Durand-6000");
        family.acceptCurrentCgu();
        long submitted = file(family, "CERTIFICATE", "Attestation de paiement 2026 pour la CAF");
        long inProgress = file(family, "CHILD_INFORMATION_CHANGE", "Marie mange sans porc à la cantine à partir de janvier.");
        long accepted = file(family, "CERTIFICATE", "Attestation d'inscription à l'Atelier 3D");
        long refused = file(family, "CHILD_INFORMATION_CHANGE", "Marie passe en CM2.");
        long cancelled = file(family, "CERTIFICATE", "Attestation fiscale (frais de garde)");
        expect(agent.post("/api/dossier/requests/" + inProgress + "/take", ""), 200, "prise en charge");
        expect(agent.post("/api/dossier/requests/" + accepted + "/accept", """
                {"comment":"Attestation envoyée par courrier."}"""), 200, "acceptation");
        expect(agent.post("/api/dossier/requests/" + refused + "/refuse", """
                {"comment":"Le changement de classe se fait à la rentrée de septembre."}"""), 200, "refus");
        expect(family.post("/api/dossier/requests/" + cancelled + "/cancel", ""), 200, "annulation");
        if (submitted <= 0) {
            throw new IllegalStateException("démarche envoyée non créée");
        }
    }

    private static long file(PortalSession family, String type, String description) {
        ApiClient.Response filed = family.post("/api/dossier/dossiers/" + DOSSIER + "/requests", """
                {"type":"%s","description":"%s"}""".formatted(type, description));
        expect(filed, 201, "démarche « " + description + " »");
        return filed.json().get("id").asLong();
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " absent du classpath");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " non créé : " + response);
        }
    }
}
