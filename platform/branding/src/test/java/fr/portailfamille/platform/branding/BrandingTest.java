package fr.portailfamille.platform.branding;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class BrandingTest {

    private static ApplicationContextRunner runner() {
        StandardEnvironment environment = new StandardEnvironment();
        new BrandingDefaults().postProcessEnvironment(environment, null);
        return new ApplicationContextRunner(() -> {
            var context = new org.springframework.context.annotation.AnnotationConfigApplicationContext();
            context.setEnvironment(environment);
            return context;
        }).withConfiguration(AutoConfigurations.of(BrandingAutoConfiguration.class));
    }

    @Test
    void defaults_are_the_first_tenants_names_with_their_accents() {
        runner().run(context -> {
            Branding branding = context.getBean(Branding.class);
            assertThat(branding.portalName()).isEqualTo("Portail Famille");
            assertThat(branding.authorityName()).isEqualTo("Communauté de communes Roussillon Conflent");
            assertThat(branding.authorityShortName()).isEqualTo("Roussillon Conflent");
            assertThat(branding.portalUrl()).isEqualTo("http://localhost:8080");
            assertThat(branding.senderAddress()).isEqualTo("portail-famille@roussillon-conflent.fr");
        });
    }

    @Test
    void a_deployment_overrides_any_name() {
        runner().withPropertyValues("portal.branding.authority-short-name=Pays de Prades").run(context ->
                assertThat(context.getBean(Branding.class).authorityShortName()).isEqualTo("Pays de Prades"));
    }
}
