package mbrllab.app.models;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.PlaygroundData;

/**
 * The playground's settings as a session keeps them ({@link ModelsSession}).
 *
 * @param generator the data generator: target function, noise, noise level, gap, number of points
 * @param choice    the model shown
 * @param prior     draw samples from the GP's prior
 * @param posterior draw samples from the GP's posterior
 * @param members   draw the ensemble's member curves
 * @param data      the points, or null for none
 * @param hasData   false to draw fresh points from the generator and the seed instead of {@code data}
 */
record PlaygroundSettings(PlaygroundData generator, ModelChoice choice, boolean prior, boolean posterior,
                          boolean members, Dataset data, boolean hasData) {

    PlaygroundSettings {
        if (generator == null || choice == null) {
            throw new IllegalArgumentException("generator and choice must not be null");
        }
    }

    /** A fresh playground: the default generator, both models, posterior samples and member curves, fresh points. */
    static PlaygroundSettings defaults() {
        return new PlaygroundSettings(PlaygroundData.defaults(), ModelChoice.BOTH, false, true, true, null, false);
    }
}
