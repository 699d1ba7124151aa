package fr.portailfamille.testsupport;

/**
 * The demo data, created through the services' own APIs as an agent would, once: dossier 6000 of
 * the DURAND family (its family account claire.durand is among Keycloak's demo users) with its
 * child Marie. Requests, documents and the seed's invoice come with their issues. Used by the local
 * stack and by e2e.
 */
public final class DemoData {

    public static final String DOSSIER = "6000";

    private DemoData() {
    }

    /** Creates what is missing; returns a line per thing done, in French, for the launcher to print. */
    public static java.util.List<String> ensure(String portal) {
        java.util.List<String> done = new java.util.ArrayList<>();
        PortalSession agent = PortalSession.login(portal, "agent.jeunesse", "Agent-Jeunesse-2026");
        if (agent.get("/api/dossier/dossiers/" + DOSSIER).status() == 200) {
            done.add("dossier 6000 (DURAND) déjà là");
        } else {
            ApiClient.Response created = agent.post("/api/dossier/dossiers", """
                    {"number":"6000","familyName":"DURAND","email":"claire.durand@example.fr","phone":"04 68 96 00 00"}""");
            expect(created, 201, "dossier 6000");
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
        return done;
    }

    private static void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " non créé : " + response);
        }
    }
}
