package fr.portailfamille.local;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;

/**
 * The demo data, created through the services' own APIs as an agent would, once: dossier 6000 of
 * the DURAND family (its family account claire.durand is in Keycloak's demo users). Children,
 * requests, documents and the seed's invoice come with their issues (Mon dossier, Facturation).
 */
final class DemoData {

    private DemoData() {
    }

    static void ensure(String portal) {
        PortalSession agent = PortalSession.login(portal, "agent.jeunesse", "Agent-Jeunesse-2026");
        ApiClient.Response existing = agent.get("/api/dossier/dossiers/6000");
        if (existing.status() == 200) {
            System.out.println("   dossier 6000 (DURAND) déjà là");
            return;
        }
        ApiClient.Response created = agent.post("/api/dossier/dossiers", """
                {"number":"6000","familyName":"DURAND","email":"claire.durand@example.fr","phone":"04 68 00 00 00"}""");
        if (created.status() != 201) {
            throw new IllegalStateException("dossier 6000 non créé : " + created);
        }
        System.out.println("   dossier 6000 (DURAND) créé");
    }
}
