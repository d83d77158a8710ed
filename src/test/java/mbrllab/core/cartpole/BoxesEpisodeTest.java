package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        int steps = BoxesEpisode.run(Boxes.cartPoleV1(), agent, new SplitMix64(1),
                new CartPoleEpisode(BalanceSystem.cartPoleV1()));
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
        CartPoleEpisode episode = new CartPoleEpisode(weightless);
        int steps = BoxesEpisode.run(new Boxes(weightless), agent, new SplitMix64(1), episode);
        assertEquals(500, steps);
        assertTrue(episode.truncated());
        assertEquals(500, agent.seen.size());
        for (double[] t : agent.seen) {
            assertEquals(BoxesEpisode.STEP_REWARD, t[2]);
            assertTrue(t[3] >= 0);
        }
        assertTrue(!weightless.isTerminal(episode.state()));
    }

    @Test
    void startStatesAreGymnasiumsAndTheRandomAgentFailsSoon() {
        Boxes boxes = Boxes.cartPoleV1();
        SplitMix64 env = new SplitMix64(9);
        RandomBoxesAgent agent = new RandomBoxesAgent(new SplitMix64(10));
        CartPoleEpisode episode = new CartPoleEpisode(boxes.system());
        long total = 0;
        for (int e = 0; e < 2000; e++) {
            int steps = BoxesEpisode.run(boxes, agent, env, episode);
            assertTrue(steps >= 1 && steps < 500);
            total += steps;
        }
        double mean = total / 2000.0;
        assertTrue(mean > 20 && mean < 25, "random agent mean " + mean);
    }

    /** The episode loop as it was before {@link CartPoleEpisode} (commit f2beb08), kept as the reference. */
    private static int runAsBefore(Boxes boxes, BoxesAgent agent, SplitMix64 envRng, double[] s) {
        BalanceSystem system = boxes.system();
        system.reset(s, envRng);
        int box = boxes.box(s);
        int maxSteps = system.maxSteps();
        for (int t = 1; ; t++) {
            int u = agent.act(box);
            system.step(s, system.force(u));
            int next = boxes.box(s);
            double r = next == Boxes.FAILED ? BoxesEpisode.FAILURE_REWARD : BoxesEpisode.STEP_REWARD;
            agent.observe(box, u, r, next);
            if (next == Boxes.FAILED || t >= maxSteps) {
                return t;
            }
            box = next;
        }
    }

    /**
     * Dyna-Q learners run through the old loop and the new one with the same seeds, on CartPole-v1 and on the same
     * physics cut at 60 steps (so that both endings occur often): the same steps per episode, the same last states
     * and the same Q values, bit for bit.
     */
    @Test
    void theEpisodeLoopLearnsExactlyAsTheLoopBeforeIt() {
        int truncated = 0;
        int terminated = 0;
        for (BalanceSystem system : new BalanceSystem[] {BalanceSystem.cartPoleV1(),
            new BalanceSystem(9.8, 1.0, 0.1, 0.5, 10.0, 0.02, 12, 2.4, 60)}) {
            Boxes boxes = new Boxes(system);
            BoxesDynaQ before = new BoxesDynaQ(BoxesDynaParams.defaults().withN(50), BoxModelKind.SAMPLE.create(), 3,
                    4);
            BoxesDynaQ after = new BoxesDynaQ(BoxesDynaParams.defaults().withN(50), BoxModelKind.SAMPLE.create(), 3,
                    4);
            SplitMix64 envBefore = new SplitMix64(5);
            SplitMix64 envAfter = new SplitMix64(5);
            double[] s = new double[4];
            CartPoleEpisode episode = new CartPoleEpisode(system);
            for (int e = 0; e < 150; e++) {
                int expected = runAsBefore(boxes, before, envBefore, s);
                int steps = BoxesEpisode.run(boxes, after, envAfter, episode);
                assertEquals(expected, steps, "episode " + e);
                assertArrayEquals(s, episode.state(), 0.0, "last state of episode " + e);
                truncated += episode.truncated() ? 1 : 0;
                terminated += episode.terminated() ? 1 : 0;
            }
            for (int box = 0; box < Boxes.COUNT; box++) {
                for (int u = 0; u < BalanceSystem.ACTIONS; u++) {
                    assertEquals(before.q(box, u), after.q(box, u), 0.0, "Q(" + box + ", " + u + ")");
                }
            }
        }
        assertTrue(truncated > 10 && terminated > 10, "both endings occur: " + truncated + " truncated, "
                + terminated + " terminated");
    }

    @Test
    void anEpisodeOfAnotherSystemIsRefused() {
        BalanceSystem other = new BalanceSystem(9.8, 1.0, 0.1, 0.5, 10.0, 0.02, 90, 2.4, 500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxesEpisode.run(
                Boxes.cartPoleV1(), new Recorder(false), new SplitMix64(1), new CartPoleEpisode(other)));
        assertTrue(e.getMessage().startsWith("the episode must be of the boxes' system"), e.getMessage());
    }
}
