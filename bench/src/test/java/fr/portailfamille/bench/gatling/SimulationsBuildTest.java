package fr.portailfamille.bench.gatling;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each simulation builds: its chains, expressions ({@code #{…}}), injection profiles and assertions are
 * turned into Gatling's own when the class is made, so a mistake there shows here, with no stack and no load
 * ({@code before()}, which talks to the stack, is not called).
 */
class SimulationsBuildTest {

    /**
     * Gatling's configuration (its defaults, {@code gatling-defaults.conf}), which Gatling's launcher sets
     * before it makes a simulation: without it the DSL refuses to build outside a run.
     */
    @BeforeAll
    static void gatlingConfiguration() {
        io.gatling.core.Predef$.MODULE$._configuration_$eq(io.gatling.core.config.GatlingConfiguration$.MODULE$.load());
    }

    @ParameterizedTest
    @ValueSource(classes = {GatewayOverheadSimulation.class, FamiliesSimulation.class, LoginRateSimulation.class,
            SaturationSimulation.class, EventToMailSimulation.class})
    void builds(Class<?> simulation) {
        assertDoesNotThrow(() -> simulation.getDeclaredConstructor().newInstance());
    }
}
