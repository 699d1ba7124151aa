package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kustomization of deploy/k8s renders with kubectl 1.33, and every rendered object is valid as the
 * API server's strict field validation sees it: built-in kinds through fabric8's model, custom resources
 * against their operator's pinned CRD.
 */
class RenderAndParseTest {

    static List<String> kustomizations() {
        List<String> all = new ArrayList<>(Manifests.all());
        for (String required : Manifests.required()) {
            if (!all.contains(required)) {
                all.add(required);
            }
        }
        return all;
    }

    @Test
    void deploy_k8s_has_every_kustomization_an_operator_applies() {
        for (String required : Manifests.required()) {
            assertThat(Manifests.kustomizationFile(Manifests.k8s().resolve(required)))
                    .as("deploy/k8s/" + required + "/kustomization.yaml").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void renders_and_every_object_is_valid(String kustomization) {
        List<JsonNode> objects = Manifests.render(kustomization);

        assertThat(objects).as("objects rendered by kubectl kustomize deploy/k8s/" + kustomization).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String where = kustomization + ": " + Manifests.describe(object) + ": ";
            if (StrictModel.isBuiltIn(object)) {
                try {
                    HasMetadata typed = StrictModel.parse(object);
                    StrictModel.unknownFields(typed).forEach(field -> problems.add(where + "unknown field " + field));
                } catch (AssertionError e) {
                    problems.add(where + e.getMessage());
                }
            } else {
                CrdSchemas crds = CrdSchemas.load();
                crds.validate(object).forEach(error -> problems.add(where + error));
                try {
                    ObjectMeta metadata = StrictModel.parse(object.path("metadata"), ObjectMeta.class);
                    StrictModel.unknownFields(metadata).forEach(field -> problems.add(where + "unknown field metadata." + field));
                } catch (AssertionError e) {
                    problems.add(where + "metadata " + e.getMessage());
                }
            }
        }
        assertThat(problems).as("invalid objects").isEmpty();
    }

    @Test
    void the_pinned_crds_cover_the_three_operators() {
        CrdSchemas crds = CrdSchemas.load();
        assertThat(crds.files()).as("CRD files under " + CrdSchemas.directory()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Manifests.render("platform")) {
            if (!StrictModel.isBuiltIn(object)) {
                problems.addAll(crds.validate(object));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_custom_resource_with_an_unknown_field_is_refused() {
        // The closing of the CRD schemas is what refuses it: without it, the pinned schemas accept anything.
        JsonNode cluster = Manifests.ofKind(Manifests.render("platform"), "Cluster").get(0);
        tools.jackson.databind.node.ObjectNode misspelt = (tools.jackson.databind.node.ObjectNode) cluster.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) misspelt.get("spec")).put("instancess", 3);

        assertThat(CrdSchemas.load().validate(cluster)).isEmpty();
        assertThat(CrdSchemas.load().validate(misspelt)).singleElement().asString().contains("instancess");
    }

    @Test
    void a_built_in_object_with_an_unknown_field_is_refused() {
        JsonNode deployment = Manifests.ofKind(Manifests.render("services/gateway"), "Deployment").get(0);
        tools.jackson.databind.node.ObjectNode misspelt = (tools.jackson.databind.node.ObjectNode) deployment.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) misspelt.get("spec").get("template").get("spec").get("containers").get(0))
                .putObject("readinesProbe");

        assertThat(StrictModel.unknownFields(StrictModel.parse(deployment))).isEmpty();
        assertThat(StrictModel.unknownFields(StrictModel.parse(misspelt)))
                .containsExactly("spec.template.spec.containers[0].readinesProbe");
    }
}
