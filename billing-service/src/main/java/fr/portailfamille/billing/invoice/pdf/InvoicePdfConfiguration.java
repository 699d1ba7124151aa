package fr.portailfamille.billing.invoice.pdf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One renderer for the service (its template read once). */
@Configuration
@EnableConfigurationProperties(InvoicePdfProperties.class)
class InvoicePdfConfiguration {

    @Bean
    InvoicePdfRenderer invoicePdfRenderer() {
        return new InvoicePdfRenderer();
    }
}
