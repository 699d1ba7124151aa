package fr.portailfamille.banksimulator.payfip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated PayFiP client (the authority's account at the treasury).
 *
 * @param numcli              the client number PayFiP knows (6 digits); any other gets fault T2
 * @param idopLifetime        how long an {@code idOp} may open the payment page (PayFiP: 15 minutes)
 * @param notificationTimeout how long the call to {@code urlnotif} may take
 */
@ConfigurationProperties("bank-simulator.payfip")
public record PayfipProperties(
        @DefaultValue("123456") String numcli,
        @DefaultValue("15m") Duration idopLifetime,
        @DefaultValue("10s") Duration notificationTimeout) {
}
