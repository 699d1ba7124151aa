package fr.portailfamille.billing.payment.systempay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Clock;

/** The Systempay adapter from {@code portal.billing.payment.systempay.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SystempayProperties.class)
class SystempayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SystempayConfiguration.class);

    @Bean
    SystempayProvider systempayProvider(SystempayProperties properties, JdbcClient jdbc, Clock clock,
                                        @Value("${portal.billing.public-url}") String publicUrl) {
        SystempayShop shop = properties.present() ? properties.shop() : null;
        if (shop != null) {
            log.info("Systempay shop {} (keys configured, not shown)", shop);
        }
        URI checkUrl = URI.create(withoutTrailingSlash(publicUrl) + "/bank/systempay/notifications");
        return new SystempayProvider(shop, properties.window(),
                new TransactionIdGenerator(clock, new JdbcDailySequence(jdbc)), checkUrl);
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
