package fr.portailfamille.banksimulator;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.portailfamille.banksimulator.systempay.SystempayProperties;

@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Calls to the shops; redirects are not followed (the platform counts a 30x as delivered). */
    @Bean
    HttpClient notificationHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Notification retries and session expiry. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService simulatorScheduler() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "bank-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Says which shop the simulator plays; never the keys. */
    @Bean
    ApplicationRunner describeShop(SystempayProperties properties) {
        return args -> log.info("Systempay simulator ready: shop {} ({}), keys configured (not shown), payment page "
                        + "timeout {}, notification retries after {}", properties.siteId(), properties.algorithm(),
                properties.sessionTimeout(), properties.notification().retryDelays());
    }
}
