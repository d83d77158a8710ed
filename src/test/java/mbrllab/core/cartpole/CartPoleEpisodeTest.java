package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.CartPoleEpisode.Status;
import mbrllab.core.random.SplitMix64;

/** The step-wise episode: terminated and truncated told apart as Gymnasium does, the step limit, and reuse. */
class CartPoleEpisodeTest {

    static final BalanceSystem BALANCE = BalanceSystem.cartPoleV1();
    static final SwingUpSystem SWING_UP = SwingUpSystem.pilco();

    /** Pushing right from rest upright: the pole falls back (to theta &lt; -12 degrees) at this step. */
    private static int stepsToFallPushingRight() {
        double[] s = {0, 0, 0, 0};
        for (int k = 1; ; k++) {
            BALANCE.step(s, 10);
            if (BALANCE.isTerminal(s)) {
                return k;
            }
        }
    }

    @Test
    void aFailureTerminatesTheEpisodeAndIsNotATruncation() {
        int fall = stepsToFallPushingRight();
        assertTrue(fall > 5 && fall < 30, "pushing one way fails fast: " + fall);
        CartPoleEpisode episode = new CartPoleEpisode(BALANCE);
        assertEquals(Status.RUNNING, episode.start(new double[] {0, 0, 0, 0}));
        for (int k = 1; k < fall; k++) {
            assertEquals(Status.RUNNING, episode.step(10));
            assertFalse(episode.isOver());
        }
        assertEquals(Status.TERMINATED, episode.step(10));
        assertTrue(episode.terminated());
        assertFalse(episode.truncated());
        assertTrue(episode.isOver());
        assertEquals(fall, episode.steps());
        assertTrue(episode.state()[CartPoleState.THETA] < -BALANCE.thetaThresholdRadians());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> episode.step(10));
        assertEquals("the episode is over (terminated after " + fall + " steps): call reset or start for the next one",
                e.getMessage());
    }

    @Test
    void balancingForTheWholeLimitIsTruncatedAtExactlyFiveHundredSteps() {
        CartPoleEpisode episode = new CartPoleEpisode(BALANCE);
        episode.start(new double[] {0, 0, 0, 0});
        for (int k = 1; k < 500; k++) {
            assertEquals(Status.RUNNING, episode.step(0), "step " + k);
        }
        assertEquals(Status.TRUNCATED, episode.step(0));
        assertEquals(500, episode.steps());
        assertTrue(episode.truncated());
        assertFalse(episode.terminated());
        assertArrayEquals(new double[] {0, 0, 0, 0}, episode.state(), 0.0, "upright at rest is an equilibrium");
        assertFalse(BALANCE.isTerminal(episode.state()), "a truncated episode ends in an ordinary state");
        assertThrows(IllegalStateException.class, () -> episode.step(0));
    }

    @Test
    void aFailureOnTheLastAllowedStepIsTerminatedNotTruncated() {
        int fall = stepsToFallPushingRight();
        CartPoleEpisode episode = new CartPoleEpisode(BALANCE, fall);
        episode.start(new double[] {0, 0, 0, 0});
        Status last = Status.RUNNING;
        while (!last.isOver()) {
            last = episode.step(10);
        }
        assertEquals(Status.TERMINATED, last);
        assertEquals(fall, episode.steps());

        CartPoleEpisode shorter = new CartPoleEpisode(BALANCE, fall - 1);
        shorter.start(new double[] {0, 0, 0, 0});
        while (!shorter.isOver()) {
            shorter.step(10);
        }
        assertEquals(Status.TRUNCATED, shorter.status(), "one step before the fall the limit comes first");
        assertEquals(fall - 1, shorter.steps());
    }

    @Test
    void theStepLimitIsAParameterAndTheSwingUpNeverTerminates() {
        CartPoleEpisode horizon = new CartPoleEpisode(SWING_UP);
        assertEquals(40, horizon.maxSteps());
        horizon.reset(new SplitMix64(1));
        for (int k = 1; k < 40; k++) {
            assertEquals(Status.RUNNING, horizon.step(k % 10 < 5 ? 10 : -10));
        }
        assertEquals(Status.TRUNCATED, horizon.step(10), "the end of the 4 s horizon");

        CartPoleEpisode unlimited = new CartPoleEpisode(SWING_UP, CartPoleEpisode.NO_LIMIT);
        unlimited.start(new double[] {3, 0, 1, 0});
        for (int k = 1; k <= 1000; k++) {
            assertEquals(Status.RUNNING, unlimited.step(30 * Math.sin(k)), "step " + k);
        }
        assertEquals(1000, unlimited.steps());

        CartPoleEpisode three = new CartPoleEpisode(BALANCE, 3);
        three.start(new double[] {0, 0, 0, 0});
        three.step(0);
        three.step(0);
        assertEquals(Status.TRUNCATED, three.step(0));
    }

    @Test
    void theStatesAreTheSystemsStepsBitForBit() {
        SplitMix64 rng = new SplitMix64(21);
        for (CartPoleSystem system : CartPoleSystemTest.systems()) {
            CartPoleEpisode episode = new CartPoleEpisode(system, CartPoleEpisode.NO_LIMIT);
            double[] start = {0.1, -0.2, 0.05, 0.3};
            episode.start(start);
            double[] s = start.clone();
            double[] work = new double[SwingUpSystem.WORK_LENGTH];
            while (!episode.isOver() && episode.steps() < 200) {
                double f = 24 * rng.nextDouble() - 12;
                episode.step(f);
                system.step(s, f, work);
                assertArrayEquals(s, episode.state(), 0.0, system.getClass().getSimpleName() + " step "
                        + episode.steps());
                assertEquals(system.isTerminal(s), episode.terminated());
            }
        }
    }

    @Test
    void resetDrawsTheSystemsStartAndBeginsAgain() {
        CartPoleEpisode episode = new CartPoleEpisode(BALANCE);
        SplitMix64 rng = new SplitMix64(5);
        SplitMix64 same = rng.copy();
        assertEquals(Status.RUNNING, episode.reset(rng));
        double[] expected = new double[4];
        BALANCE.reset(expected, same);
        assertArrayEquals(expected, episode.state(), 0.0);
        assertEquals(same.state(), rng.state(), "four draws, as Gymnasium's reset");
        while (!episode.isOver()) {
            episode.step(-10);
        }
        assertTrue(episode.terminated());
        assertEquals(Status.RUNNING, episode.reset(rng), "the same episode object begins the next episode");
        assertEquals(0, episode.steps());
        assertFalse(episode.isOver());
    }

    @Test
    void aStartThatIsAlreadyAFailureIsTerminatedBeforeAnyStep() {
        CartPoleEpisode episode = new CartPoleEpisode(BALANCE);
        assertEquals(Status.TERMINATED, episode.start(new double[] {0, 0, 0.3, 0}));
        assertEquals(0, episode.steps());
        assertTrue(episode.terminated());
        assertThrows(IllegalStateException.class, () -> episode.step(0));
        double[] given = {2.5, 0, 0, 0};
        episode.start(given);
        assertTrue(episode.terminated(), "off the track");
        given[0] = 0;
        assertEquals(2.5, episode.state()[CartPoleState.X], 0.0, "the start is copied");
    }

    @Test
    void anEpisodeMustBeginBeforeItStepsAndItsArgumentsAreChecked() {
        CartPoleEpisode episode = new CartPoleEpisode(SWING_UP);
        assertNull(episode.status());
        assertFalse(episode.isOver());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> episode.step(0));
        assertEquals("the episode has not begun: call reset or start first", e.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> new CartPoleEpisode(BALANCE, 0));
        assertEquals("maxSteps must be in [1, 2147483647], got 0", limit.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new CartPoleEpisode(null, 5));
        assertEquals("system must not be null", none.getMessage());
    }
}
