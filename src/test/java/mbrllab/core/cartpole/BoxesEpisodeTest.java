package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class BoxesEpisodeTest {

    /** Records what the episode loop tells it; pushes by a fixed rule. */
    static final class Recorder implements BoxesAgent {
        final List<double[]> seen = new ArrayList<>();
        final boolean alternate;
        int calls;

        Recorder(boolean alternate) {
            this.alternate = alternate;
        }

        @Override
        public int act(int box) {
            return alternate ? calls++ % 2 : BalanceSystem.PUSH_RIGHT;
        }

        @Override
        public void observe(int box, int u, double r, int nextBox) {
            seen.add(new double[] {box, u, r, nextBox});
        }
    }

    @Test
    void failureEndsTheEpisodeWithMinusOneAndNoNextBox() {
        Recorder agent = new Recorder(false);
        int steps = BoxesEpisode.run(Boxes.cartPoleV1(), agent, new SplitMix64(1), new double[4]);
        assertEquals(agent.seen.size(), steps);
        for (int t = 0; t < steps - 1; t++) {
            assertEquals(BoxesEpisode.STEP_REWARD, agent.seen.get(t)[2]);
            assertTrue(agent.seen.get(t)[3] >= 0);
            assertEquals(agent.seen.get(t)[3], agent.seen.get(t + 1)[0], "x' of one step is x of the next");
        }
        double[] last = agent.seen.get(steps - 1);
        assertEquals(BoxesEpisode.FAILURE_REWARD, last[2]);
        assertEquals(Boxes.FAILED, (int) last[3]);
        assertTrue(steps > 5 && steps < 30, "always right fails fast: " + steps);
    }

    /**
     * Truncation: with (nearly) no gravity, a 90 degree failure angle and alternating pushes the pole never falls
     * (it drifts at most 0.05 rad/s from its start), so the episode is cut
     * after maxSteps steps; the last transition is an ordinary one (reward 0, a real next box), not a failure.
     */
    @Test
    void truncationAfterMaxStepsIsNotAFailure() {
        BalanceSystem weightless = new BalanceSystem(1e-9, 1.0, 0.1, 0.5, 10.0, 0.02, 90, 2.4, 500);
        Recorder agent = new Recorder(true);
        double[] s = new double[4];
        int steps = BoxesEpisode.run(new Boxes(weightless), agent, new SplitMix64(1), s);
        assertEquals(500, steps);
        assertEquals(500, agent.seen.size());
        for (double[] t : agent.seen) {
            assertEquals(BoxesEpisode.STEP_REWARD, t[2]);
            assertTrue(t[3] >= 0);
        }
        assertTrue(!weightless.isTerminal(s));
    }

    @Test
    void startStatesAreGymnasiumsAndTheRandomAgentFailsSoon() {
        Boxes boxes = Boxes.cartPoleV1();
        SplitMix64 env = new SplitMix64(9);
        RandomBoxesAgent agent = new RandomBoxesAgent(new SplitMix64(10));
        double[] s = new double[4];
        long total = 0;
        for (int e = 0; e < 2000; e++) {
            int steps = BoxesEpisode.run(boxes, agent, env, s);
            assertTrue(steps >= 1 && steps < 500);
            total += steps;
        }
        double mean = total / 2000.0;
        assertTrue(mean > 20 && mean < 25, "random agent mean " + mean);
    }
}
