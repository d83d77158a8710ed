package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.random.SplitMix64;

/**
 * Figure 8.3 as statistics over 200 seeds: without planning the policy halfway through episode 2 has an
 * arrow in very few cells (usually one, next to the goal); with n = 50 in most cells, reaching back towards S.
 */
class Figure83Test {

    @Test
    void withoutPlanningOneArrowWithPlanningArrowsAlmostBackToTheStart() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        int seeds = 200;
        int n0Total = 0;
        int n0AtMostTwo = 0;
        int n50Total = 0;
        int n50Reaching = 0;
        int n50Far = 0;
        for (int s = 0; s < seeds; s++) {
            long real = SplitMix64.streamSeed(s, 0);
            long plan = SplitMix64.streamSeed(s, 1);
            Figure83.Moment n0 = Figure83.run(DynaParams.defaults().withN(0), world, real, plan, 1_000_000);
            Figure83.Moment n50 = Figure83.run(DynaParams.defaults().withN(50), world, real, plan, 1_000_000);
            assertEquals(n0.episode1Steps(), n50.episode1Steps(), "common random numbers: same episode 1");
            assertEquals(2, n0.agent().episode());
            assertEquals(n0.episode2Steps() / 2, n0.agent().stepsThisEpisode());
            n0Total += n0.arrowCount();
            if (n0.arrowCount() <= 2) {
                n0AtMostTwo++;
            }
            n50Total += n50.arrowCount();
            // "Almost back to the start": an arrow within 5 moves of S (S is 14 moves from G), and one at
            // least 10 moves from G.
            int[] greedy = n50.strictlyGreedyActions();
            int[] toStart = world.layout().distancesTo(world.layout().start());
            int[] toGoal = world.layout().distancesTo(world.layout().goal());
            boolean nearStart = false;
            boolean farFromGoal = false;
            for (int x = 0; x < greedy.length; x++) {
                if (greedy[x] >= 0) {
                    nearStart |= toStart[x] <= 5;
                    farFromGoal |= toGoal[x] >= 10;
                }
            }
            if (nearStart) {
                n50Reaching++;
            }
            if (farFromGoal) {
                n50Far++;
            }
        }
        double n0Mean = n0Total / (double) seeds;
        double n50Mean = n50Total / (double) seeds;
        System.out.printf("Figure 8.3 over %d seeds: n=0 mean arrows %.2f (<=2 in %d), n=50 mean arrows %.2f,"
                + " within 5 moves of S in %d, 10 or more moves from G in %d%n", seeds, n0Mean, n0AtMostTwo, n50Mean,
                n50Reaching, n50Far);
        assertTrue(n0Mean < 2.5, "n = 0 mean arrows " + n0Mean);
        assertTrue(n0AtMostTwo >= 0.8 * seeds, "n = 0 has at most two arrows in " + n0AtMostTwo + " of " + seeds);
        // Measured with these seeds: 1.00 arrows for n = 0; for n = 50 25.05 arrows, near S in 144 and far from
        // G in 154 of 200.
        assertTrue(n50Mean > 20, "n = 50 mean arrows " + n50Mean + " of 46 cells");
        assertTrue(n50Reaching >= 0.6 * seeds, "n = 50 arrows near S in " + n50Reaching + " of " + seeds);
        assertTrue(n50Far >= 0.65 * seeds, "n = 50 arrows 10+ moves from G in " + n50Far + " of " + seeds);
    }

    @Test
    void theOneArrowWithoutPlanningSitsNextToTheGoal() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        int nextToGoal = 0;
        int single = 0;
        for (int s = 0; s < 100; s++) {
            Figure83.Moment n0 = Figure83.run(DynaParams.defaults().withN(0), world, SplitMix64.streamSeed(s, 0),
                    SplitMix64.streamSeed(s, 1), 1_000_000);
            int[] greedy = n0.strictlyGreedyActions();
            if (n0.arrowCount() == 1) {
                single++;
                for (int x = 0; x < greedy.length; x++) {
                    if (greedy[x] >= 0 && world.next(x, greedy[x]) == world.goal()) {
                        nextToGoal++;
                    }
                }
            }
        }
        assertTrue(single >= 60, "exactly one arrow in " + single + " of 100");
        assertEquals(single, nextToGoal, "the single arrow always points into G");
        assertEquals(Action.COUNT, 4);
    }
}
