package fr.portailfamille.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Locale;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A validation problem names each field by its label and says what is wrong in French, per field. */
class PortalExceptionHandlerTest {

    enum Civility { MADAME, MONSIEUR }

    record Address(@NotBlank String postcode) {
    }

    record Form(@NotNull Civility civility, @NotBlank String lastName, @NotNull LocalDate birthDate,
                @Pattern(regexp = "^\\d{3,4}$", message = "doit comporter 3 ou 4 chiffres") String number,
                @Valid @NotNull Address address) {
    }

    @RestController
    static class FormController {

        @PostMapping("/forms")
        void post(@Valid @RequestBody Form form) {
        }

        @GetMapping("/search")
        void search(@RequestParam(name = "q") String query, @RequestParam @Max(100) int size) {
        }
    }

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("field.civility", Locale.FRENCH, "Civilité");
        messages.addMessage("field.civility.NotNull", Locale.FRENCH, "Choisissez une civilité.");
        messages.addMessage("field.lastName", Locale.FRENCH, "Nom");
        messages.addMessage("field.birthDate", Locale.FRENCH, "Date de naissance");
        messages.addMessage("field.number", Locale.FRENCH, "Numéro de dossier");
        messages.addMessage("field.postcode", Locale.FRENCH, "Code postal");
        messages.addMessage("field.size", Locale.FRENCH, "Nombre par page");
        messages.addMessage("field.size.Max", Locale.FRENCH, "Affichez 100 lignes au plus.");
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new FormController())
                .setControllerAdvice(new PortalExceptionHandler(new Problems(messages), new MockEnvironment()))
                .setValidator(validator)
                .build();
    }

    @Test
    void each_field_is_named_by_its_label_with_its_own_sentence_when_it_has_one() throws Exception {
        mvc.perform(post("/forms").locale(Locale.FRENCH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\":\"\",\"number\":\"12\",\"address\":{\"postcode\":\"\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("« Code postal » ")))
                .andExpect(jsonPath("$.detail", containsString("« Date de naissance » est obligatoire")))
                .andExpect(jsonPath("$.detail", containsString("« Civilité » : choisissez une civilité ; ")))
                .andExpect(jsonPath("$.detail", containsString("« Nom » ")))
                .andExpect(jsonPath("$.detail", containsString("« Numéro de dossier » doit comporter 3 ou 4 chiffres.")))
                .andExpect(jsonPath("$.detail", not(containsString("civility"))))
                .andExpect(jsonPath("$.detail", not(containsString("nul"))))
                .andExpect(jsonPath("$.errors[0].field").value("address.postcode"))
                .andExpect(jsonPath("$.errors[1].field").value("birthDate"))
                .andExpect(jsonPath("$.errors[1].message").value("est obligatoire"))
                .andExpect(jsonPath("$.errors[2].field").value("civility"))
                .andExpect(jsonPath("$.errors[2].message").value("Choisissez une civilité."))
                .andExpect(jsonPath("$.errors[4].field").value("number"))
                .andExpect(jsonPath("$.errors[4].message").value("doit comporter 3 ou 4 chiffres"));
    }

    @Test
    void a_parameter_checked_by_validated_is_named_as_the_request_names_it() throws Exception {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        java.lang.reflect.Method search = FormController.class.getDeclaredMethod("search", String.class, int.class);
        var violations = validator.forExecutables().validateParameters(new FormController(), search, new Object[] {"x", 500});
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("field.size", Locale.FRENCH, "Nombre par page");
        PortalExceptionHandler handler = new PortalExceptionHandler(new Problems(messages), new MockEnvironment());

        var answer = handler.constraintViolation(new jakarta.validation.ConstraintViolationException(violations));

        var problem = (org.springframework.http.ProblemDetail) answer.getBody();
        org.assertj.core.api.Assertions.assertThat(problem.getDetail()).startsWith("Certains champs sont invalides : « Nombre par page » ");
        org.assertj.core.api.Assertions.assertThat(problem.getProperties().get("errors").toString()).contains("field=size");
    }

    @Test
    void a_request_parameter_is_named_as_the_request_names_it() throws Exception {
        mvc.perform(get("/search").locale(Locale.FRENCH).param("q", "x").param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("Affichez 100 lignes au plus."))
                .andExpect(jsonPath("$.detail")
                        .value("Certains champs sont invalides : « Nombre par page » : affichez 100 lignes au plus."));
    }
}
