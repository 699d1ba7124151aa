package fr.portailfamille.billing.directdebit.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pain008ValidatorTest {

    private final Pain008Writer writer = new Pain008Writer();

    private String valid(Pain008Version version) {
        return new String(writer.write(Pain008Fixtures.threeFamilies(version)), StandardCharsets.UTF_8);
    }

    @Test
    void an_amount_with_three_decimals_written_raw_is_refused_by_the_sepa_schema() {
        String broken = valid(Pain008Version.V02).replace("Ccy=\"EUR\">42.50<", "Ccy=\"EUR\">42.505<");
        int line = lineOf(broken, "Ccy=\"EUR\">42.505<");

        assertThatThrownBy(() -> Pain008Validator.forVersion(Pain008Version.V02).validate(bytes(broken)))
                .isInstanceOf(Pain008ValidationException.class)
                .hasMessageContaining("does not match the pain.008.001.02 XSD")
                .hasMessageContaining("line " + line)
                .hasMessageContaining("42.505")
                .satisfies(e -> assertThat(((Pain008ValidationException) e).errors())
                        .allSatisfy(error -> assertThat(error.line()).isEqualTo(line))
                        .anySatisfy(error -> assertThat(error.message()).contains("fractionDigits")));
    }

    @ParameterizedTest
    @EnumSource(Pain008Version.class)
    void a_missing_requested_collection_date_is_refused_naming_it(Pain008Version version) {
        String broken = valid(version).replaceFirst("\\s*<ReqdColltnDt>2026-12-10</ReqdColltnDt>", "");

        assertThatThrownBy(() -> Pain008Validator.forVersion(version).validate(bytes(broken)))
                .isInstanceOf(Pain008ValidationException.class)
                .hasMessageContaining("ReqdColltnDt")
                .hasMessageContaining("1 error");
    }

    @ParameterizedTest
    @EnumSource(Pain008Version.class)
    void every_error_is_listed_with_its_line(Pain008Version version) {
        String broken = valid(version)
                .replace("<SeqTp>FRST</SeqTp>", "<SeqTp>ONCE</SeqTp>")
                .replace("<IBAN>FR1420041010050500013M02606</IBAN>", "<IBAN>fr14 2004</IBAN>");

        List<Pain008ValidationException.XsdError> errors = Pain008Validator.forVersion(version).errors(bytes(broken));

        assertThat(errors).extracting(Pain008ValidationException.XsdError::line)
                .contains(lineOf(broken, "<SeqTp>ONCE"), lineOf(broken, "<IBAN>fr14"));
        assertThat(errors).anySatisfy(error -> assertThat(error.message()).contains("ONCE"));
    }

    @Test
    void a_file_of_the_other_version_or_not_xml_at_all_is_refused() {
        byte[] v08 = bytes(valid(Pain008Version.V08));
        assertThat(Pain008Validator.forVersion(Pain008Version.V02).errors(v08)).isNotEmpty();
        assertThat(Pain008Validator.forVersion(Pain008Version.V02).errors(bytes("not xml"))).singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(1));
    }

    @Test
    void a_file_asking_for_an_external_entity_is_refused_without_fetching_it() {
        String xxe = valid(Pain008Version.V02).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/evil.dtd\">");
        assertThat(Pain008Validator.forVersion(Pain008Version.V02).errors(bytes(xxe))).isNotEmpty();
    }

    @Test
    void one_schema_serves_validations_in_parallel() throws Exception {
        byte[] good = writer.write(Pain008Fixtures.threeFamilies(Pain008Version.V02));
        byte[] bad = bytes(new String(good, StandardCharsets.UTF_8).replace("Ccy=\"EUR\">42.50<", "Ccy=\"EUR\">42.505<"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] xml = i % 2 == 0 ? good : bad;
                results.add(pool.submit(() -> Pain008Validator.forVersion(Pain008Version.V02).errors(xml).size()));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i % 2 == 0) {
                    assertThat(results.get(i).get()).isZero();
                } else {
                    assertThat(results.get(i).get()).isPositive();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static int lineOf(String xml, String fragment) {
        int index = xml.indexOf(fragment);
        assertThat(index).as(fragment).isNotNegative();
        return (int) xml.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
