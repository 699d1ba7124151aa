package fr.portailfamille.banksimulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The partner bank's payment platform as the portal's local stack and end-to-end tests see it: the
 * Systempay / PayZen / Lyra « formulaire de paiement » (V2), with a French test payment page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BankSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(BankSimulatorApplication.class, args);
    }
}
