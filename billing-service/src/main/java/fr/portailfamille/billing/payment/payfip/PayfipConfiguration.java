package fr.portailfamille.billing.payment.payfip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The PayFiP adapter from {@code portal.billing.payment.payfip.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayfipProperties.class)
class PayfipConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PayfipConfiguration.class);

    @Bean
    PayfipProvider payfipProvider(PayfipProperties properties, Clock clock,
                                  @Value("${portal.billing.public-url}") String publicUrl) {
        PayfipClient client = null;
        if (properties.present()) {
            properties.check();
            client = new PayfipClient(properties.soapEndpoint(), properties.timeout());
            log.info("PayFiP client {} (saisie {}) at {}", properties.numcli(), properties.saisie(),
                    properties.soapEndpoint());
        }
        return new PayfipProvider(properties, client, publicUrl, clock);
    }
}
