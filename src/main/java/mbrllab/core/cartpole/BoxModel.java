package mbrllab.core.cartpole;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A tabular model of the BOXES task learned from real transitions: for a box x and action u it knows some
 * outcomes (x', r), each with a count, and draws one for a planning update. A box lumps many states together,
 * so the same (x, u) is seen to lead to several next boxes: {@link LastOutcomeModel} keeps only the latest,
 * {@link SampleModel} keeps them all with their counts. Outcomes of (x, u) are numbered 0..outcomes-1.
 * x' is {@link Boxes#FAILED} for a failure (terminal). Not thread-safe.
 */
public interface BoxModel {

    /** Which model this is. */
    BoxModelKind kind();

    /** Records the real transition (x, u) -&gt; (x', r). */
    void record(int box, int u, int nextBox, double r);

    /** Real transitions recorded from (x, u); 0 while (x, u) was never tried. */
    int visits(int box, int u);

    /** Number of outcomes the model keeps for (x, u): 0 while never tried. */
    int outcomes(int box, int u);

    /** x' of outcome j of (x, u). */
    int next(int box, int u, int j);

    /** r of outcome j of (x, u). */
    double reward(int box, int u, int j);

    /** How often outcome j of (x, u) was seen (the weight it is sampled with). */
    int count(int box, int u, int j);

    /**
     * Draws the outcome a planning update uses, with probability count / (sum of counts) for {@link SampleModel}
     * and always the only one for {@link LastOutcomeModel}.
     *
     * @return j in [0, outcomes(box, u))
     * @throws IllegalStateException when (x, u) was never tried
     */
    int sample(int box, int u, RandomGenerator rng);

    /** One outcome of a model entry: the next box, its reward, its count and its probability in planning. */
    record Outcome(int nextBox, double reward, int count, double probability) {
    }

    /**
     * The model's entry for (x, u), for display: its outcomes in the order first seen (empty when unknown).
     * Allocates; not for hot loops.
     */
    default List<Outcome> entry(int box, int u) {
        int k = outcomes(box, u);
        long total = 0;
        for (int j = 0; j < k; j++) {
            total += count(box, u, j);
        }
        List<Outcome> list = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            list.add(new Outcome(next(box, u, j), reward(box, u, j), count(box, u, j),
                    (double) count(box, u, j) / total));
        }
        return List.copyOf(list);
    }
}
