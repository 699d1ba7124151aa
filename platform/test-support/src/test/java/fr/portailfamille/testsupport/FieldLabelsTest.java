package fr.portailfamille.testsupport;

import fr.portailfamille.testsupport.fieldlabels.FamilyApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldLabelsTest {

    @Test
    void every_field_a_controller_accepts_is_found_nested_ones_too() {
        List<String> paths = FieldLabels.acceptedFields(FamilyApp.class, true).stream()
                .map(FieldLabels.AcceptedField::path).toList();

        assertThat(paths).containsExactlyInAnyOrder("familyName", "guardians", "guardians[].civility",
                "guardians[].phone", "guardians[].address", "guardians[].address.postcode",
                "guardians[].address.city", "homes", "homes[].postcode", "homes[].city", "description", "file",
                "q", "size");
    }

    @Test
    void a_field_is_labelled_by_its_name_or_by_its_path() {
        Properties messages = new Properties();
        messages.setProperty("field.familyName", "Nom de famille");
        messages.setProperty("field.guardians", "Responsables légaux");
        messages.setProperty("field.civility", "Civilité");
        messages.setProperty("field.phone", "Téléphone");
        messages.setProperty("field.guardians.address", "Adresse");
        messages.setProperty("field.address.postcode", "Code postal");
        messages.setProperty("field.city", "Commune");
        messages.setProperty("field.homes", "Domiciles");
        messages.setProperty("field.description", "Votre demande");
        messages.setProperty("field.file", "Fichier");
        messages.setProperty("field.q", "Recherche");

        assertThat(FieldLabels.missingLabels(FamilyApp.class, messages, true, "attachments"))
                .containsExactly("field.postcode=…  (homes[].postcode of FamilyController.create → Address)",
                        "field.size=…  (size of FamilyController.search)",
                        "field.attachments=…  (reported by the service itself)");
        assertThat(FieldLabels.hasLabel(messages, "guardians[0].address.postcode")).isTrue();
        assertThat(FieldLabels.hasLabel(messages, "homes[2].postcode")).isFalse();
    }

    @Test
    void a_problem_naming_a_java_field_is_refused() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode bad = json.readTree("""
                {"detail":"Certains champs sont invalides : « civility » ne doit pas être nul.",
                 "errors":[{"field":"civility","message":"ne doit pas être nul"}]}""");
        JsonNode badMessage = json.readTree("""
                {"detail":"Certains champs sont invalides : « Nom de famille » ne doit pas être vide.",
                 "errors":[{"field":"familyName","message":"familyName ne doit pas être vide"}]}""");
        JsonNode good = json.readTree("""
                {"detail":"Certains champs sont invalides : « Civilité » : choisissez une civilité.",
                 "errors":[{"field":"civility","message":"Choisissez une civilité."}]}""");

        assertThatThrownBy(() -> FieldLabels.assertNoJavaNames(bad, FamilyApp.NewFamily.class))
                .hasMessageContaining("civility");
        assertThatThrownBy(() -> FieldLabels.assertNoJavaNames(badMessage, FamilyApp.NewFamily.class))
                .hasMessageContaining("familyName");
        FieldLabels.assertNoJavaNames(good, FamilyApp.NewFamily.class);
    }
}
