package fr.portailfamille.messaging.news;

import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.platform.uploads.SampleFiles;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Je m'informe » on real PostgreSQL: what agents write, what anonymous readers and families read,
 * the sanitised text, the form, the statuses, bad input and who may change what. Titles carry a
 * marker of their test so that listings are read for this test's items only.
 */
@PortalServiceTest
class NewsApiTest extends MessagingApiSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A valid item titled « title marker », public, published today; {@code changes} replace or add fields. */
    private ApiClient.Response write(String token, String title, Map<String, Object> changes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title + " " + marker);
        item.put("text", "<p>Texte de " + title + "</p>");
        item.put("category", "INFORMATIONS");
        item.put("audience", "PUBLIC");
        item.put("publicationDate", TODAY.toString());
        item.put("draft", false);
        item.putAll(changes);
        return api().post("/api/messaging/agent/news", token, JSON.writeValueAsString(item));
    }

    private ApiClient.Response write(String token, String title) {
        return write(token, title, Map.of());
    }

    private long written(String title, Map<String, Object> changes) {
        ApiClient.Response response = write(keycloak.agent("jeunesse"), title, changes);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private List<String> titlesRead(String token) {
        ApiClient.Response response = api().get("/api/messaging/news", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(n -> n.get("title").asString())
                .filter(t -> t.endsWith(marker)).map(t -> t.substring(0, t.length() - marker.length() - 1)).toList();
    }

    private ApiClient.Response putForm(long id, String token, Multipart form) {
        return api().send(api().request("/api/messaging/agent/news/" + id + "/form", token)
                .header("Content-Type", form.contentType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    private ApiClient.Response delete(String path, String token) {
        return api().send(api().request(path, token).DELETE());
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }

    @Test
    void readers_get_the_current_items_of_their_audience_coming_deadlines_first() {
        written("Sans date limite", Map.of());
        written("Date limite lointaine", Map.of("deadline", TODAY.plusMonths(6).toString()));
        written("Date limite proche", Map.of("deadline", TODAY.plusDays(10).toString()));
        written("Date limite passée", Map.of("deadline", TODAY.minusDays(1).toString()));
        written("Pour les familles", Map.of("audience", "FAMILIES"));
        written("Brouillon", Map.of("draft", true));
        written("Programmée", Map.of());
        jdbc.sql("update news_item set publication_date = ? where title = ?")
                .params(TODAY.plusDays(3), "Programmée " + marker).update();
        written("Expirée", Map.of());
        jdbc.sql("update news_item set publication_date = ?, expiry_date = ? where title = ?")
                .params(TODAY.minusDays(20), TODAY.minusDays(1), "Expirée " + marker).update();
        written("Dernier jour", Map.of("expiryDate", TODAY.toString()));

        assertThat(titlesRead(null)).as("anonymous: public ones only, coming deadlines first (nearest first)")
                .startsWith("Date limite proche", "Date limite lointaine")
                .containsExactlyInAnyOrder("Date limite proche", "Date limite lointaine", "Sans date limite",
                        "Date limite passée", "Dernier jour");
        assertThat(titlesRead(family(newDossier()))).as("a family also reads the items for families")
                .contains("Pour les familles").doesNotContain("Brouillon", "Programmée", "Expirée");

        JsonNode agents = api().get("/api/messaging/agent/news?size=100", keycloak.agent("enfance")).json();
        assertThat(agents.get("items").valueStream().filter(n -> n.get("title").asString().endsWith(marker))
                .map(n -> n.get("title").asString().replace(" " + marker, "") + "=" + n.get("statusLabel").asString()))
                .as("agents see every status")
                .contains("Brouillon=Brouillon", "Programmée=Programmée", "Expirée=Expirée", "Dernier jour=Publiée");
    }

    @Test
    void the_text_keeps_paragraphs_lists_bold_and_web_links_and_loses_everything_else() {
        ApiClient.Response response = api().post("/api/messaging/agent/news", keycloak.agent("jeunesse"), """
                {"title": "Inscriptions %s", "category": "INSCRIPTIONS", "audience": "PUBLIC",
                 "publicationDate": "%s", "draft": false,
                 "text": "<p onclick=\\"steal()\\">Inscrivez <strong>avant</strong> le <b>15</b><script>alert(1)</script></p><ul><li>Fiche</li><li><a href=\\"https://www.example.fr/fiche\\">Lien</a> <a href=\\"javascript:alert(1)\\">piège</a></li></ul><img src=x onerror=alert(1)><iframe src=\\"https://evil.example\\"></iframe><p style=\\"color:red\\">Fin</p>"}"""
                .formatted(marker, TODAY));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String html = response.json().get("bodyHtml").asString();
        assertThat(html).contains("<p>Inscrivez <strong>avant</strong> le <b>15</b></p>", "<ul><li>Fiche</li>",
                        "href=\"https://www.example.fr/fiche\"", "noopener", "<p>Fin</p>")
                .doesNotContain("script", "onclick", "javascript", "<img", "onerror", "iframe", "style", "alert");
    }

    @Test
    void bad_input_is_refused_naming_the_fields_and_nothing_is_written() {
        String agent = keycloak.agent("jeunesse");
        long before = jdbc.sql("select count(*) from news_item").query(Long.class).single();

        ApiClient.Response empty = api().post("/api/messaging/agent/news", agent, """
                {"title": " ", "text": "<p> &nbsp; </p>", "category": "VACANCES", "audience": "PUBLIC",
                 "publicationDate": "%s", "draft": false}""".formatted(TODAY));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("« Titre »");
        ApiClient.Response onlyTags = write(agent, "Vide", Map.of("text", "<p> &nbsp; </p><script>x</script>"));
        assertThat(onlyTags.status()).isEqualTo(400);
        assertThat(onlyTags.json().get("detail").asString()).contains("« Texte »");

        ApiClient.Response expiry = write(agent, "Dates", Map.of("expiryDate", TODAY.minusDays(1).toString()));
        assertThat(expiry.status()).isEqualTo(400);
        assertThat(expiry.json().get("detail").asString())
                .contains("« Date d’expiration » doit être égale ou postérieure à la date de publication");

        ApiClient.Response link = write(agent, "Lien", Map.of("linkUrl", "javascript:alert(1)"));
        assertThat(link.status()).isEqualTo(400);
        assertThat(link.json().get("detail").asString()).contains("« Lien »", "https://");

        ApiClient.Response category = api().post("/api/messaging/agent/news", agent, """
                {"title": "Catégorie", "text": "x", "category": "SPORT", "audience": "PUBLIC",
                 "publicationDate": "%s", "draft": false}""".formatted(TODAY));
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.json().get("detail").asString()).contains("Catégorie");

        ApiClient.Response noDate = api().post("/api/messaging/agent/news", agent,
                "{\"title\": \"Date\", \"text\": \"x\", \"category\": \"VACANCES\", \"audience\": \"PUBLIC\", \"draft\": true}");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("detail").asString()).contains("« Date de publication »");

        ApiClient.Response labelAlone = write(agent, "Libellé", Map.of("linkLabel", "Le site de la CAF"));
        assertThat(labelAlone.status()).isEqualTo(400);
        assertThat(labelAlone.json().get("detail").asString()).contains("« Lien » est obligatoire");

        assertThat(jdbc.sql("select count(*) from news_item").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void the_form_is_a_pdf_readers_download_as_an_attachment_and_it_goes_with_its_item() {
        String agent = keycloak.agent("enfance");
        long id = written("Fiche d’inscription", Map.of("category", "FORMULAIRES"));
        long filesBefore = storedFiles();

        ApiClient.Response png = putForm(id, agent, new Multipart().file("file", "fiche.png", "image/png", SampleFiles.png()));
        assertThat(png.status()).isEqualTo(415);
        assertThat(png.json().get("detail").asString()).isEqualTo("Le formulaire à télécharger doit être un PDF.");
        assertThat(storedFiles()).as("the refused file is not kept").isEqualTo(filesBefore);

        ApiClient.Response attached = putForm(id, agent,
                new Multipart().file("file", "Fiche inscription été 2027.pdf", "application/pdf", SampleFiles.pdf()));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        String url = "/api/messaging/news/" + id + "/form";
        HttpResponse<byte[]> download = api().download(url, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SampleFiles.pdf());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode read = api().get("/api/messaging/news", null).json().valueStream()
                .filter(n -> n.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(read.get("form").get("url").asString()).isEqualTo(url);

        assertThat(putForm(id, agent, new Multipart().file("file", "v2.pdf", "application/pdf", SampleFiles.pdf()))
                .status()).isEqualTo(200);
        assertThat(storedFiles()).as("the replaced form is deleted").isEqualTo(filesBefore + 1);

        assertThat(delete("/api/messaging/agent/news/" + id, agent).status()).isEqualTo(204);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(api().download(url, null).statusCode()).isEqualTo(404);
    }

    @Test
    void families_and_anonymous_readers_change_nothing_and_reach_no_hidden_item() {
        long draft = written("Brouillon caché", Map.of("draft", true, "audience", "FAMILIES"));
        long familiesOnly = written("Réservé", Map.of("audience", "FAMILIES"));
        putForm(draft, keycloak.agent("jeunesse"), new Multipart().file("file", "a.pdf", "application/pdf", SampleFiles.pdf()));
        putForm(familiesOnly, keycloak.agent("jeunesse"), new Multipart().file("file", "b.pdf", "application/pdf", SampleFiles.pdf()));
        String family = family(newDossier());

        assertThat(write(family, "Par une famille").status()).isEqualTo(403);
        assertThat(write(null, "Anonyme").status()).isEqualTo(401);
        assertThat(api().put("/api/messaging/agent/news/" + familiesOnly, family, """
                {"title": "Changé", "text": "x", "category": "VACANCES", "audience": "PUBLIC", "publicationDate": "%s",
                 "draft": false}"""
                .formatted(TODAY)).status()).isEqualTo(403);
        assertThat(delete("/api/messaging/agent/news/" + familiesOnly, family).status()).isEqualTo(403);
        assertThat(api().get("/api/messaging/agent/news", family).status()).isEqualTo(403);
        assertThat(api().download("/api/messaging/agent/news/" + draft + "/form", family).statusCode()).isEqualTo(403);

        assertThat(api().download("/api/messaging/news/" + draft + "/form", family).statusCode())
                .as("a draft's form is not the readers'").isEqualTo(404);
        assertThat(api().download("/api/messaging/news/" + familiesOnly + "/form", null).statusCode())
                .as("a families' form is not the public's").isEqualTo(404);
        assertThat(api().download("/api/messaging/news/" + familiesOnly + "/form", family).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select title from news_item where id = ?").param(familiesOnly).query(String.class).single())
                .isEqualTo("Réservé " + marker);
        assertThat(jdbc.sql("select count(*) from news_item where title like ?").param("% " + marker)
                .query(Long.class).single()).isEqualTo(2);
    }
}
