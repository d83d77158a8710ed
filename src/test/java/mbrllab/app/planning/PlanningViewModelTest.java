package mbrllab.app.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import mbrllab.app.lab.QueueDispatcher;
import mbrllab.app.shell.Sessions;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.planning.Iteration;
import mbrllab.core.planning.PetsEpisode;
import mbrllab.core.planning.PetsLoop;
import mbrllab.core.planning.PetsObserver;
import mbrllab.core.planning.PlannerKind;
import mbrllab.core.planning.PlannerSettings;
import mbrllab.core.planning.Propagation;

/** The planning lab's view model without a screen: the step mode, the animated run's bits, the background runs. */
class PlanningViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ExecutorService coordinators = Executors.newCachedThreadPool();
    private final PlanningViewModel vm = new PlanningViewModel(dispatcher, workers, coordinators);

    /** The swing-up with the true physics: no fit, so the test is quick; CEM with 3 rounds of 60. */
    static PlanningSettings perfect(int episodes, int runs) {
        return new PlanningSettings(7, TaskChoice.SWING_UP, new PlannerSettings(PlannerKind.CEM, 10, 60, 6, 3,
                PlannerSettings.PETS_ALPHA, 1, Propagation.MEAN), TransitionModelKind.TRUE, episodes, runs);
    }

    @AfterEach
    void stop() {
        vm.dispose();
        workers.shutdownNow();
        coordinators.shutdownNow();
    }

    private PlanningFrame frame() {
        return vm.frameProperty().get();
    }

    @Test
    void theStepModeShowsCemRoundByRoundThenActsAndTheRunIsThePetsLoopsBitForBit() throws Exception {
        vm.apply(perfect(2, 0));
        dispatcher.drainUntil(() -> frame() != null, "the first frame", 20);
        assertEquals(1, frame().episode());
        for (int k = 0; k < 40; k++) {
            vm.step();
        }
        dispatcher.drainUntil(() -> frame().finished().size() == 1, "the random episode", 30);
        assertNull(frame().round(), "random forces: no search");
        vm.step(); // starts episode 2 (the true model needs no fit)
        dispatcher.drainUntil(() -> frame().episode() == 2 && frame().phase().contains("fitted"), "episode 2", 20);
        double[] sigmas = new double[4];
        for (int r = 1; r <= 3; r++) {
            vm.round();
            int want = r;
            dispatcher.drainUntil(() -> frame().rounds().size() == want, "round " + want, 20);
            PlanningFrame f = frame();
            assertTrue(f.searchInProgress());
            assertEquals(0, f.step(), "no force executed during the rounds");
            Iteration it = f.round();
            assertEquals(r - 1, it.index());
            assertEquals(60, it.population());
            assertTrue(it.hasStates(), "the fan needs every candidate's predicted states");
            sigmas[r - 1] = mean(it.std());
            sigmas[r] = mean(it.nextStd());
        }
        // the population contracts: sigma shrinks round after round (from maxForce / 2 = 5 N)
        assertEquals(5.0, sigmas[0], 1e-12);
        assertTrue(sigmas[1] < sigmas[0] && sigmas[2] < sigmas[1] && sigmas[3] < sigmas[2],
                java.util.Arrays.toString(sigmas));
        vm.round(); // all rounds made: this one acts
        dispatcher.drainUntil(() -> frame().step() == 1, "the step after the rounds", 20);
        PlanningFrame acted = frame();
        assertNotNull(acted.plan());
        assertEquals(3, acted.rounds().size());
        // the true model: what the plan predicts is what the same forces earn in the true physics (up to the
        // observation noise of 0.01 the plan started from)
        assertEquals(acted.plan().replayedReturn(), acted.plan().predictedReturn(), 0.1);

        vm.playback().setStepsPerSecond(Double.POSITIVE_INFINITY);
        vm.playback().setPlaying(true);
        dispatcher.drainUntil(() -> frame().finished().size() == 2, "the end of the run", 60);
        // after the last episode the header is that episode's: its number, steps and return
        assertEquals(2, frame().episode());
        assertEquals(frame().finished().get(1).steps(), frame().step());
        assertEquals(frame().finished().get(1).totalReturn(), frame().returnSoFar(), 0);
        List<PetsEpisode> loop = PetsLoop.run(vm.settings().spec(0), Runnable::run, PetsObserver.NONE);
        for (int e = 0; e < 2; e++) {
            PetsEpisode a = loop.get(e);
            PetsEpisode b = frame().finished().get(e);
            assertArrayEquals(a.episode().truth().states(), b.episode().truth().states(), 0);
            assertEquals(a.totalReturn(), b.totalReturn(), 0);
            assertEquals(a.predictedReturn(), b.predictedReturn(), 0);
            assertEquals(a.replayedReturn(), b.replayedReturn(), 0);
        }
        // the true model's one-step error on its episode comes from the observation noise alone (0.01 per component)
        double error = frame().modelError();
        assertTrue(error > 0.005 && error < 0.1, "held-out theta' error " + error);
        assertTrue(PlanningLab.episodesCsv(frame()).startsWith(
                "episode,return,steps,transitions,success,plan_predicted,plan_true\n1,"));
        assertEquals(3, PlanningLab.episodesCsv(frame()).split("\n").length);
        String candidates = PlanningPicture.csv(frame());
        assertTrue(candidates.startsWith("candidate,J,elite,u1,"));
        assertEquals(61, candidates.split("\n").length, "header and 60 candidates");
    }

    @Test
    void theBackgroundRunsGiveTheBandsOfThePetsLoopsReturns() throws Exception {
        vm.apply(perfect(2, 2));
        dispatcher.drainUntil(() -> vm.runs().completeProperty().get(), "the background runs", 120);
        ReturnBands b = vm.runs().snapshot();
        assertEquals(2, b.runsDone());
        assertTrue(b.finished());
        double[] r = new double[2];
        double[] r2 = new double[2];
        for (int run = 0; run < 2; run++) {
            List<PetsEpisode> loop = PetsLoop.run(vm.settings().spec(run), Runnable::run, PetsObserver.NONE);
            r[run] = loop.get(0).totalReturn();
            r2[run] = loop.get(1).totalReturn();
        }
        assertEquals((r[0] + r[1]) / 2, b.mean()[0], 1e-12);
        assertEquals((r2[0] + r2[1]) / 2, b.mean()[1], 1e-12);
        // two runs: t(0.975, 1) = 12.706 times the standard error |a - b| / 2
        assertEquals(12.706 * Math.abs(r2[0] - r2[1]) / 2, b.halfWidth()[1], 1e-3 * Math.abs(r2[0] - r2[1]) + 1e-9);
    }

    @Test
    void theHeldOutErrorIsZeroForThePhysicsWithoutNoiseAndGrowsWithAWrongModel() {
        mbrllab.core.control.BalanceTask task = mbrllab.core.control.BalanceTask.cartPoleV1();
        java.util.SplittableRandom forces = new java.util.SplittableRandom(3);
        mbrllab.core.control.TaskEpisode e = mbrllab.core.control.TaskEpisode.run(task,
                (o, t) -> 10 * (2 * forces.nextDouble() - 1), new mbrllab.core.random.SplitMix64(4));
        assertEquals(0, PlanningRun.heldOutError(new mbrllab.core.models.transition.TrueTransitionModel(task),
                e.observed()), 0, "no observation noise on balance: the physics predicts exactly");
        // a model with 1.5 times the gravity errs: its theta' differs from the observed one
        mbrllab.core.cartpole.BalanceSystem s = task.system();
        mbrllab.core.control.BalanceTask heavier = new mbrllab.core.control.BalanceTask(
                new mbrllab.core.cartpole.BalanceSystem(s.gravity() * 1.5, s.cartMass(), s.poleMass(), s.halfLength(),
                        s.forceMagnitude(), s.tau(), s.thetaThresholdDegrees(), s.xThreshold(), s.maxSteps()), 10);
        assertTrue(PlanningRun.heldOutError(new mbrllab.core.models.transition.TrueTransitionModel(heavier),
                e.observed()) > 1e-4);
    }

    @Test
    void settingsSurviveASessionAndBadFieldsAreRefusedByName() {
        PlanningSettings s = perfect(5, 3);
        assertEquals(s, PlanningSettings.fromJson(s.toJson()));
        assertEquals(PlanningSettings.defaults(TaskChoice.BALANCE).planner(),
                PlanningSettings.fromJson(json("{\"task\": \"balance\"}")).planner());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanningSettings.fromJson(json("{\"horizon\": 0}")));
        assertEquals("\"horizon\" must be a whole number in 1..200, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PlanningSettings.fromJson(json("{\"model\": \"single\", \"propagation\": \"ts1\"}")));
        assertTrue(e.getMessage().startsWith("\"propagation\" must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PlanningSettings.fromJson(json("{\"population\": 10, \"elites\": 11}")));
        assertEquals("\"elites\" must be a whole number in 1..10, got 11", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlanningSettings.fromJson(json("{\"planner\": \"x\"}")));
        assertTrue(e.getMessage().contains("\"planner\""), e.getMessage());
    }

    @Test
    void runsOverTheAppsBudgetAreRefusedFromASessionAndTheDefaultsAreNot() {
        for (TaskChoice task : TaskChoice.values()) {
            PlanningSettings d = PlanningSettings.defaults(task);
            assertEquals(d, d.withinBudget(), task + "'s defaults");
            assertTrue(d.cost().seconds() < 15 * 60, task + ": " + d.cost());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanningSettings.fromJson(
                json("{\"runs\": 20, \"episodes\": 50, \"population\": 5000, \"iterations\": 50}")));
        assertTrue(e.getMessage().startsWith("the animated run and the background runs are estimated at about "),
                e.getMessage());
        assertTrue(e.getMessage().contains("21 x ("), "the animated run and 20 background runs: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(the command line runs larger experiments with --allow-long)"),
                e.getMessage());
        // the cost grows with the runs: one run more is one animated run's cost more
        PlanningSettings d = PlanningSettings.defaults(TaskChoice.SWING_UP);
        assertEquals(3 * d.cost().seconds(), d.withRuns(2).cost().seconds(), 1e-9 * d.cost().seconds());
    }

    @Test
    void theFourPresetsAreValidAndTeachWhatTheySay() {
        PlanningSettings pets = preset("planning-pets-swing-up.json");
        assertEquals(PlanningSettings.defaults(TaskChoice.SWING_UP).planner(), pets.planner());
        assertEquals(TransitionModelKind.ENSEMBLE, pets.model());
        PlanningSettings rs = preset("planning-random-shooting.json");
        assertEquals(PlannerKind.RANDOM_SHOOTING, rs.planner().planner());
        assertEquals(pets.planner().sequencesPerStep(), rs.planner().sequencesPerStep(), "the same budget");
        PlanningSettings single = preset("planning-deterministic-exploited.json");
        assertEquals(TransitionModelKind.SINGLE, single.model());
        assertEquals(Propagation.MEAN, single.planner().propagation());
        assertEquals(TransitionModelKind.TRUE, preset("planning-perfect-model.json").model());
        for (String[] p : PlanningLab.PRESETS) {
            assertEquals(p[0], Sessions.preset(p[1]).orElseThrow().name());
        }
    }

    private static PlanningSettings preset(String file) {
        Sessions.Session s = Sessions.preset(file).orElseThrow();
        assertEquals("planning", s.lab());
        return PlanningSettings.fromJson(s.settings());
    }

    private static JsonNode json(String text) {
        try {
            return Sessions.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * The chart's band is cut to the returns an episode can have (0 to its steps): two runs with returns 0 and 40 have
     * mean 20 and a half-width of 12.71 x 20; two equal runs have no band.
     */
    @Test
    void theBandsAreCutToTheReturnsAnEpisodeCanHave() {
        ReturnBands b = ReturnBands.of(List.of(new double[] {0, 40}, new double[] {40, 40}),
                List.of(new boolean[2], new boolean[2]), 2, true);
        assertEquals(12.706 * 20, b.halfWidth()[0], 0.01, "the band itself is whole");
        org.jfree.data.xy.YIntervalSeries s = PlanningLab.bandSeries(b, 40);
        assertEquals(20, s.getYValue(0), 1e-12);
        assertEquals(0, s.getYLowValue(0), 1e-12);
        assertEquals(40, s.getYHighValue(0), 1e-12);
        assertEquals(40, s.getYLowValue(1), 1e-12);
        assertEquals(40, s.getYHighValue(1), 1e-12);
    }
}
