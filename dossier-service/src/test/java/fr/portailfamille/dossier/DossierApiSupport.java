package fr.portailfamille.dossier;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.RunningService;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For API tests of dossier-service (annotated {@code @PortalServiceTest}): the running service,
 * the personas' tokens, and a fresh dossier per test (numbers never reused within a run).
 */
public abstract class DossierApiSupport extends RunningService {

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1000 + (int) (System.nanoTime() % 4000));

    /** A dossier number nobody used yet. */
    public static String newNumber() {
        return String.valueOf(NEXT_NUMBER.getAndIncrement() % 9000 + 1000);
    }

    /** A new dossier of the DURAND family, created by an agent of the Jeunesse service. */
    protected String dossier() {
        return createDossier().get("number").asString();
    }

    /** The same, as the agent got it: with the access key shown this once. */
    protected JsonNode createDossier() {
        String number = newNumber();
        ApiClient.Response created = api().post("/api/dossier/dossiers", keycloak.agent("jeunesse"), """
                {"number":"%s","familyName":"DURAND","email":"durand.%s@example.test"}""".formatted(number, number));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }
}
