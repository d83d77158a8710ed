package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

/** One suite for every {@link BoxModel}, then what distinguishes the two. */
class BoxModelContractTest {

    @ParameterizedTest
    @EnumSource(BoxModelKind.class)
    void unknownPairsHaveNoOutcomes(BoxModelKind kind) {
        BoxModel model = kind.create();
        assertEquals(kind, model.kind());
        assertEquals(0, model.visits(85, 1));
        assertEquals(0, model.outcomes(85, 1));
        assertEquals(List.of(), model.entry(85, 1));
        assertThrows(IllegalStateException.class, () -> model.sample(85, 1, new SplitMix64(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> model.next(85, 1, 0));
    }

    @ParameterizedTest
    @EnumSource(BoxModelKind.class)
    void samplesOnlyWhatItSawAndCountsVisits(BoxModelKind kind) {
        BoxModel model = kind.create();
        model.record(85, 1, 86, 0.0);
        model.record(85, 1, Boxes.FAILED, -1.0);
        model.record(85, 1, 86, 0.0);
        model.record(85, 0, 84, 0.0);
        assertEquals(3, model.visits(85, 1));
        assertEquals(1, model.visits(85, 0));
        assertEquals(0, model.visits(84, 0));
        SplitMix64 rng = new SplitMix64(2);
        for (int i = 0; i < 100; i++) {
            int j = model.sample(85, 1, rng);
            assertTrue(j >= 0 && j < model.outcomes(85, 1));
            int next = model.next(85, 1, j);
            assertTrue(next == 86 && model.reward(85, 1, j) == 0.0
                    || next == Boxes.FAILED && model.reward(85, 1, j) == -1.0);
        }
        double total = 0;
        for (BoxModel.Outcome o : model.entry(85, 1)) {
            total += o.probability();
        }
        assertEquals(1.0, total, 1e-12);
        assertEquals(List.of(new BoxModel.Outcome(84, 0.0, 1, 1.0)), model.entry(85, 0));
    }

    @Test
    void lastOutcomeKeepsOnlyTheLatest() {
        BoxModel model = BoxModelKind.LAST_OUTCOME.create();
        model.record(85, 1, 86, 0.0);
        model.record(85, 1, 86, 0.0);
        model.record(85, 1, Boxes.FAILED, -1.0);
        assertEquals(List.of(new BoxModel.Outcome(Boxes.FAILED, -1.0, 1, 1.0)), model.entry(85, 1));
        model.record(85, 1, 94, 0.0);
        assertEquals(List.of(new BoxModel.Outcome(94, 0.0, 1, 1.0)), model.entry(85, 1));
        assertEquals(4, model.visits(85, 1));
    }

    @Test
    void sampleModelKeepsEveryOutcomeWithItsCountAndDrawsByFrequency() {
        BoxModel model = BoxModelKind.SAMPLE.create();
        int[] nexts = {86, 86, Boxes.FAILED, 86, 94, 86, 94, 86};
        for (int next : nexts) {
            model.record(85, 1, next, next == Boxes.FAILED ? -1.0 : 0.0);
        }
        assertEquals(List.of(new BoxModel.Outcome(86, 0.0, 5, 5.0 / 8),
                new BoxModel.Outcome(Boxes.FAILED, -1.0, 1, 1.0 / 8),
                new BoxModel.Outcome(94, 0.0, 2, 2.0 / 8)), model.entry(85, 1));
        // many outcomes: the per-pair arrays grow
        for (int next = 0; next < 40; next++) {
            model.record(3, 0, next, 0.0);
        }
        assertEquals(40, model.outcomes(3, 0));
        assertEquals(39, model.next(3, 0, 39));

        SplitMix64 rng = new SplitMix64(5);
        int[] hits = new int[3];
        int draws = 80_000;
        for (int i = 0; i < draws; i++) {
            hits[model.sample(85, 1, rng)]++;
        }
        // binomial standard deviation at most sqrt(0.25 / 80000) = 0.0018; bound 0.01
        assertEquals(5.0 / 8, hits[0] / (double) draws, 0.01);
        assertEquals(1.0 / 8, hits[1] / (double) draws, 0.01);
        assertEquals(2.0 / 8, hits[2] / (double) draws, 0.01);
    }

    @Test
    void sameBoxWithAnotherRewardIsAnotherOutcome() {
        BoxModel model = BoxModelKind.SAMPLE.create();
        model.record(85, 1, 86, 0.0);
        model.record(85, 1, 86, 0.5);
        assertEquals(2, model.outcomes(85, 1));
    }
}
