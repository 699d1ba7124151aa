package fr.portailfamille.billing.directdebit.mandate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CreditorProperties.class)
class MandateConfiguration {
}
