package mbrllab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesAgentKind;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.NoiseKind;
import mbrllab.core.models.TargetFunction;
import mbrllab.core.models.dynamics.PredictionMethod;

/** The stable keys of the core's choices: released keys never change, and each finds its constant. */
class KeyedTest {

    /** Every key in declaration order, as sessions, presets and command lines have written them. */
    static Map<Class<? extends Enum<?>>, List<String>> releasedKeys() {
        Map<Class<? extends Enum<?>>, List<String>> keys = new LinkedHashMap<>();
        keys.put(TieBreaking.class, List.of("random", "first-index"));
        keys.put(PlanningSampling.class, List.of("state-then-action", "uniform-pairs"));
        keys.put(BoxModelKind.class, List.of("last", "sample"));
        keys.put(BoxesAgentKind.class, List.of("random", "dynaq-boxes"));
        keys.put(ModelKind.class, List.of("gp", "ensemble"));
        keys.put(NoiseKind.class, List.of("homoscedastic", "heteroscedastic"));
        keys.put(TargetFunction.class, List.of("sine", "step", "cubic"));
        keys.put(PredictionMethod.class, List.of("moment-matching", "ts1", "tsinf"));
        return keys;
    }

    @Test
    void theReleasedKeysStayAsTheyAre() {
        releasedKeys().forEach((type, keys) -> {
            Enum<?>[] constants = type.getEnumConstants();
            assertEquals(keys.size(), constants.length, type.getSimpleName());
            for (int i = 0; i < constants.length; i++) {
                assertEquals(keys.get(i), ((Keyed) constants[i]).key(), type.getSimpleName() + "." + constants[i]);
            }
        });
    }

    @Test
    void eachKeyFindsItsConstantWhateverTheCase() {
        assertSame(TieBreaking.FIRST_INDEX, TieBreaking.fromKey("first-index"));
        assertSame(PlanningSampling.UNIFORM_PAIRS, PlanningSampling.fromKey("Uniform-Pairs"));
        assertSame(BoxModelKind.LAST_OUTCOME, BoxModelKind.fromKey("last"));
        assertSame(BoxesAgentKind.DYNA_Q, BoxesAgentKind.fromKey("DYNAQ-BOXES"));
        assertSame(ModelKind.ENSEMBLE, ModelKind.fromKey("ensemble"));
        assertSame(NoiseKind.HETEROSCEDASTIC, NoiseKind.fromKey("heteroscedastic"));
        assertSame(TargetFunction.CUBIC, TargetFunction.fromKey("cubic"));
        assertSame(PredictionMethod.TS_INF, PredictionMethod.fromKey("TSinf"));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetFunction.fromKey("sin"));
        assertEquals("expected sine, step or cubic, got 'sin'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TieBreaking.fromKey(null));
        assertEquals("expected random or first-index, got nothing", e.getMessage());
        assertEquals("\"gp\" or \"ensemble\"", Keyed.alternatives(ModelKind.class, "\""));
        assertEquals("moment-matching, ts1 or tsinf", Keyed.alternatives(PredictionMethod.class, ""));
        assertEquals("ts1 or tsinf", Keyed.alternatives(List.of(PredictionMethod.TS1, PredictionMethod.TS_INF), ""));
        assertEquals("'gp'", Keyed.alternatives(List.of(ModelKind.GP), "'"));
    }
}
