package mbrllab.core.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one parser of the setting syntax, shared by {@code accelerate --settings} and the lab's third pane. */
class AccelerationSettingTest {

    @Test
    void parsesEveryFormWithItsDefaults() {
        assertEquals(AccelerationSetting.realOnly(), AccelerationSetting.parse(" real ", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 1, 0.5),
                AccelerationSetting.parse("model", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.SINGLE, 10, 5, 0.3),
                AccelerationSetting.parse("single:k=5", 0.3));
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 3, 20, 0.25),
                AccelerationSetting.parse("model:k=20:ratio=0.25:n=3", 0.5));
        assertEquals(AccelerationSetting.noisyTrue(10, 1, 0.5, 0.1),
                AccelerationSetting.parse("true:n=10:k=1:noise=0.1", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 1000, 500, 0.5),
                AccelerationSetting.parse("true:n=1000:k=500", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5).withPush(FirstPush.DATASET),
                AccelerationSetting.parse("true:push=dataset", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 1, 0.5).withPush(FirstPush.OTHER),
                AccelerationSetting.parse("model:push=other:n=10", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.SINGLE, 10, 1, 0.5),
                AccelerationSetting.parse("single:push=epsilon", 0.5));
        // minus zero is zero: "noise=-0" was a setting of its own that ran as the one without noise
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5),
                AccelerationSetting.parse("true:n=10:k=1:noise=-0", 0.5));
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.0),
                AccelerationSetting.parse("true:ratio=-0", 0.5));
    }

    /** Every setting written by {@link AccelerationSetting#text} reads back as itself. */
    @Test
    void itsTextReadsBack() {
        AccelerationSetting[] settings = {AccelerationSetting.realOnly(),
            AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 7, 13, 0.5),
            AccelerationSetting.withModel(ModelChoice.SINGLE, 1, 1, 0.125),
            AccelerationSetting.noisyTrue(4, 20, 0.75, 0.25),
            AccelerationSetting.noisyTrue(4, 20, 0.75, 0.25).withPush(FirstPush.OTHER),
            AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5).withPush(FirstPush.DATASET)};
        for (AccelerationSetting s : settings) {
            assertEquals(s, AccelerationSetting.parse(s.text(0.5), 0.5), s.text(0.5));
        }
    }

    @Test
    void namesAreTheTextWithoutColonsAndEquals() {
        assertEquals("model_n10_k1", AccelerationSetting.nameOf("model:n=10:k=1"));
        assertEquals("single_k5", AccelerationSetting.nameOf(" single:k=5"));
        assertEquals("true_n10_k1_noise0.1", AccelerationSetting.nameOf("true:n=10:k=1:noise=0.1"));
        assertEquals("true_n10_k1_pushdataset",
                AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5).withPush(FirstPush.DATASET).name(0.5));
        assertEquals("learned ensemble, n = 10, k = 1, first push the other one",
                AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 1, 0.5).withPush(FirstPush.OTHER).label());
    }

    @Test
    void refusalsQuoteTheSettingAndSayWhy() {
        String[][] cases = {
            {"bogus:n=1", "'bogus:n=1': unknown setting 'bogus'; expected real, model, single or true"},
            {"real:n=10", "'real:n=10': real takes no options (n, k, ratio, push and noise are for settings with a "
                + "model)"},
            {"model:push=random", "'model:push=random': push must be epsilon, dataset or other, got 'random'"},
            {"model:n=0", "'model:n=0': n must be in 1..1000, got 0"},
            {"model:k=501", "'model:k=501': k must be in 1..500, got 501"},
            {"model:k=x", "'model:k=x': k needs a number, got 'x'"},
            {"model:n=10:n=5", "'model:n=10:n=5' gives n twice"},
            {"model:q=1", "'model:q=1': unknown option 'q=1'; expected n=N, k=K, ratio=R, push=P or (true only) "
                + "noise=S"},
            {"model:k", "'model:k': write k=VALUE"},
            {"model:ratio=1.5", "'model:ratio=1.5': ratio must be in 0..1, got 1.5"},
            {"single:noise=0.1", "'single:noise=0.1': noise is for the true physics only (true:...:noise=S)"},
            {"true:noise=1.5", "'true:noise=1.5': noise must be in 0..1, got 1.5"},
            {"true:noise=NaN", "'true:noise=NaN': noise must be in 0..1, got NaN"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AccelerationSetting.parse(c[0], 0.5), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> AccelerationSetting.parse("model:n=60", 0.5, 50, 50));
        assertEquals("'model:n=60': n must be in 1..50, got 60", narrow.getMessage());
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 50, 50, 0.5),
                AccelerationSetting.parse("model:n=50:k=50", 0.5, 50, 50));
    }
}
