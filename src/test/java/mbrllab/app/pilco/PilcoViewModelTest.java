package mbrllab.app.pilco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.lab.QueueDispatcher;
import mbrllab.app.render.AwtPen;
import mbrllab.app.render.TextPen;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.pilco.PilcoLearner;
import mbrllab.core.pilco.PilcoObserver;
import mbrllab.core.pilco.PilcoSettings;
import mbrllab.core.pilco.PolicyEvaluation;
import mbrllab.core.pilco.RbfPolicy;
import mbrllab.core.pilco.TrialResult;
import mbrllab.core.random.SplitMix64;
import mbrllab.io.PilcoRecording;
import mbrllab.io.PilcoRecording.Trial;

/** The PILCO lab's view model without a screen: the recorded run, the selection, other starts, Cancel, settings. */
class PilcoViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final ExecutorService coordinators = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-coordinator");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });
    private final PilcoViewModel vm = new PilcoViewModel(dispatcher, coordinators, workers);

    @AfterEach
    void stop() {
        vm.shutdown();
        coordinators.shutdownNow();
        workers.shutdownNow();
    }

    private void recorded() throws InterruptedException {
        vm.start();
        dispatcher.drainUntil(() -> vm.experiment().completeProperty().get() && vm.shownProperty().get() != null,
                "the recording is read", 60);
    }

    /** The shipped recording: 8 trials, real rollouts, a prediction for every learning trial, the last selected. */
    @Test
    void theRecordedRunShowsItsTrialsAndFollowsTheLast() throws InterruptedException {
        recorded();
        PilcoViewModel.Run r = vm.run();
        assertEquals(8, r.trials().size());
        assertEquals(32.0, r.experience(), 1e-9);
        assertEquals(8, vm.selectedProperty().get());
        assertEquals(8, vm.shownProperty().get().trial().trial());
        assertTrue(r.trials().get(0).isRandom());
        assertNull(r.trials().get(0).prediction());
        SwingUpSystem physics = SwingUpTask.pilco().system();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        for (Trial t : r.trials()) {
            assertEquals(t.trial() > 1, t.prediction() != null, "trial " + t.trial());
            double[] s = new double[4];
            for (int k = 0; k < t.steps(); k++) {
                System.arraycopy(t.states(), k * 4, s, 0, 4);
                physics.step(s, t.forces()[k], work);
                for (int i = 0; i < 4; i++) {
                    assertEquals(t.state(k + 1, i), s[i], 0.0, "trial " + t.trial() + " step " + k);
                }
            }
            assertEquals(SwingUpTask.pilco().totalCost(t.states()), t.actualCost(), 1e-12);
            assertEquals(SwingUpTask.pilco().isSuccess(t.states()), t.success());
        }
        // the first success is the one the file says, and the message says so
        assertEquals(r.firstSuccess(), firstSuccess(r));
        assertTrue(vm.experiment().messageProperty().get().contains("8 trials"),
                vm.experiment().messageProperty().get());
    }

    private static int firstSuccess(PilcoViewModel.Run r) {
        for (Trial t : r.trials()) {
            if (SwingUpTask.pilco().isSuccess(t.states())) {
                return t.trial();
            }
        }
        return 0;
    }

    @Test
    void selectingATrialShowsItsRolloutAndPrediction() throws InterruptedException {
        recorded();
        vm.selectTrial(3);
        PilcoViewModel.Shown s = vm.shownProperty().get();
        assertEquals(3, s.trial().trial());
        assertEquals(3, vm.selectedProperty().get());
        assertArrayEquals(vm.run().trials().get(2).states(), s.states(), 0.0);
        assertEquals(vm.run().trials().get(2).prediction().totalCost(), s.prediction().totalCost(), 0.0);
        vm.selectTrial(99);
        assertEquals(3, vm.selectedProperty().get(), "a trial that does not exist changes nothing");
    }

    /**
     * The learned policy from another start: a real rollout of that policy, and, computed in the background, the
     * prediction from the start distribution moved there (its mean at t = 0 is the start); trial 1 has no policy.
     */
    @Test
    void theLearnedPolicyReplaysFromAnotherStart() throws InterruptedException {
        recorded();
        vm.selectTrial(8);
        Trial eight = vm.shownProperty().get().trial();
        double[] start = {0.5, 0, 0.3, 0};
        assertTrue(vm.replayFrom(start));
        PilcoViewModel.Shown s = vm.shownProperty().get();
        assertArrayEquals(start, s.start(), 0.0);
        assertNull(s.prediction(), "computed in the background");
        assertTrue(s.predicting());
        dispatcher.drainUntil(() -> vm.shownProperty().get().prediction() != null, "the prediction from the start",
                60);
        PilcoViewModel.Shown predicted = vm.shownProperty().get();
        assertFalse(predicted.predicting());
        assertArrayEquals(s.states(), predicted.states(), 0.0, "the same rollout, now with its prediction");
        assertArrayEquals(start, predicted.start(), 0.0);
        for (int i = 0; i < 4; i++) {
            assertEquals(start[i], predicted.prediction().mean(0, i), 0.0);
            assertEquals(0.01, predicted.prediction().cov(0, i, i), 1e-15, "the start distribution's spread");
        }
        assertTrue(predicted.prediction().cov(40, 2, 2) > 0, "the prediction spreads");
        s = predicted;
        assertEquals(0.5, s.state(0, 0), 0.0);
        assertEquals(0.3, s.state(0, 2), 0.0);
        // the forces are the policy's on the noisy observations, the states its real consequences
        SwingUpTask task = SwingUpTask.pilco();
        RbfPolicy policy = new RbfPolicy(10, 10, eight.policy());
        SplitMix64 rng = new SplitMix64(SplitMix64.streamSeed(1, -100 - 8));
        double[] x = start.clone();
        double[] o = new double[4];
        double[] work = new double[task.workLength()];
        for (int k = 0; k < 40; k++) {
            task.observe(x, o, rng);
            double u = task.clip(policy.force(o, k));
            assertEquals(u, s.forces()[k], 0.0, "force " + k);
            task.step(x, u, work);
        }
        assertEquals(task.totalCost(s.states()), s.cost(), 0.0);
        assertTrue(Math.abs(s.state(40, 0) - eight.state(40, 0)) > 0 || s.state(40, 2) != eight.state(40, 2),
                "another start, another rollout");
        vm.ownStart();
        assertNull(vm.shownProperty().get().start());
        assertNotNull(vm.shownProperty().get().prediction());
        vm.selectTrial(1);
        assertFalse(vm.replayFrom(start), "the random trial has no policy");
    }

    /**
     * The model a trial's policy was optimised on, rebuilt from the recording (the observations of the trials before
     * it and the trial's hyperparameters, no training), predicts from the start mean 0 exactly what the trial
     * recorded; a version 1 recording (no observations, no hyperparameters) gives no model.
     */
    @Test
    void aTrialsModelIsRebuiltFromTheRecording() {
        PilcoSettings settings = PilcoSettings.defaults().withHorizon(10).withCentres(3).withMaxEvaluations(8);
        List<Trial> trials = new ArrayList<>();
        for (TrialResult r : PilcoLearner.run(settings, 5, 3, Runnable::run, PilcoObserver.NONE)) {
            trials.add(Trial.of(r));
        }
        PilcoRecording recording = PilcoRecording.parse(new PilcoRecording(5, 10, 3, 8, "moment", 0.1, trials)
                .toJson(), "run.json");
        PilcoViewModel.Run run = new PilcoViewModel.Run(recording.trials(), 3, PilcoLabSettings.Source.LIVE,
                PilcoLabSettings.Loop.MOMENT, 5, 10, 3, 8);
        for (int k = 2; k <= 3; k++) {
            Trial t = recording.trials().get(k - 1);
            assertEquals(k - 1, PilcoViewModel.dataBefore(run, t).size());
            PolicyEvaluation.Prediction p = PilcoViewModel.predictFrom(PilcoViewModel.settingsOf(run),
                    PilcoViewModel.dataBefore(run, t), t.gpHyperparameters(), t.policy(), new double[4]);
            assertArrayEquals(t.prediction().means(), p.means(), 1e-12, "trial " + k);
            assertArrayEquals(t.prediction().covs(), p.covs(), 1e-12, "trial " + k);
            assertArrayEquals(t.prediction().costMean(), p.costMean(), 1e-12, "trial " + k);
        }
        assertNull(recording.trials().get(0).gpHyperparameters(), "the random trial has no model");
        String v1 = recording.toJson().replace("\"version\":2", "\"version\":1");
        PilcoRecording old = PilcoRecording.parse(v1, "old.json");
        assertNull(old.trials().get(1).observed());
        assertNull(old.trials().get(1).gpHyperparameters());
        PilcoViewModel.Run oldRun = new PilcoViewModel.Run(old.trials(), 3, PilcoLabSettings.Source.RECORDED,
                PilcoLabSettings.Loop.MOMENT, 5, 10, 3, 8);
        assertNull(PilcoViewModel.dataBefore(oldRun, old.trials().get(2)));
    }

    /** Step moves the replay one control step; the picture draws every step with its tip ellipse. */
    @Test
    void theReplayStepsAndDraws() throws InterruptedException {
        recorded();
        vm.playback().step();
        dispatcher.drainUntil(() -> vm.frameProperty().get() != null && vm.frameProperty().get().frame().t() == 1,
                "one step", 30);
        vm.playback().step();
        dispatcher.drainUntil(() -> vm.frameProperty().get().frame().t() == 2, "two steps", 30);
        BufferedImage image = new BufferedImage(400, 260, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        for (int t = 0; t <= 40; t++) {
            ReplayPicture.draw(new AwtPen(g), 400, 260, new PilcoViewModel.ReplayFrame(vm.shownProperty().get(), t),
                    1.5, false);
        }
        g.dispose();
        vm.rewind();
        dispatcher.drainUntil(() -> vm.frameProperty().get().frame().t() == 0, "back at the start", 30);
    }

    /**
     * The replay's header on a narrow picture (the normal mode's at 1024x768, text 1.5): the costs wrap onto a second
     * line instead of being squeezed to fit one.
     */
    @Test
    void theReplayHeaderWrapsOnANarrowPicture() throws InterruptedException {
        recorded();
        BufferedImage image = new BufferedImage(280, 300, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        ReplayPicture.draw(pen, 280, 300, new PilcoViewModel.ReplayFrame(vm.shownProperty().get(), 1), 1.5, false);
        g.dispose();
        List<String> texts = pen.texts.stream().map(TextPen.Drawn::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("cost so far")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("step ")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("(pred.\u00a0") && t.endsWith(")")),
                "the prediction whole on a line of its own: " + texts);
        for (TextPen.Drawn d : pen.texts) {
            assertTrue(pen.textWidth(d.text(), d.size(), d.face()) <= d.maxWidth(), "squeezed: " + d.text());
        }

        // from another start the title is long too: "Trial 8's policy from x = 0.50 m, θ = 17° · t = 4.0 s"
        vm.selectTrial(8);
        assertTrue(vm.replayFrom(new double[] {0.5, 0, 0.3, 0}));
        dispatcher.drainUntil(() -> vm.shownProperty().get().prediction() != null, "the prediction from the start",
                60);
        java.awt.Graphics2D g2 = image.createGraphics();
        TextPen pen2 = new TextPen(g2);
        ReplayPicture.draw(pen2, 280, 300, new PilcoViewModel.ReplayFrame(vm.shownProperty().get(), 40), 1.5, false);
        g2.dispose();
        List<String> bold = pen2.texts.stream().filter(d -> d.face() == mbrllab.app.render.Pen.Face.BOLD)
                .map(TextPen.Drawn::text).toList();
        assertTrue(bold.size() >= 2, "the title wraps: " + bold);
        assertTrue(bold.stream().anyMatch(t -> t.contains("x\u00a0=\u00a00.50\u00a0m")), "x = 0.50 m whole: " + bold);
        for (TextPen.Drawn d : pen2.texts) {
            assertTrue(pen2.textWidth(d.text(), d.size(), d.face()) <= d.maxWidth(), "squeezed: " + d.text());
        }
    }

    /** A live run: the random trial arrives, the search reports its evaluations, Cancel stops it and keeps trial 1. */
    @Test
    void cancelStopsALiveRunAndKeepsItsTrials() throws Exception {
        vm.sourceProperty().set(PilcoLabSettings.Source.LIVE);
        vm.trialsProperty().set(4);
        vm.start();
        dispatcher.drainUntil(() -> vm.searchProperty().get() != null
                && vm.searchProperty().get().evaluation() >= 1, "the policy search has evaluated J", 300);
        PilcoViewModel.Search s = vm.searchProperty().get();
        assertEquals(2, s.trial());
        assertEquals(mbrllab.core.pilco.PilcoSettings.defaults().maxEvaluations(), s.budget());
        assertTrue(s.cost() > 0 && s.cost() <= 40, s.text());
        assertTrue(s.text().startsWith("Trial 2 of 4: optimising the policy, evaluation "), s.text());
        assertEquals(1, vm.run().trials().size(), "the random trial is in");
        vm.cancel();
        assertFalse(vm.experiment().runningProperty().get());
        assertNull(vm.searchProperty().get());
        vm.experiment().task().get(120, TimeUnit.SECONDS); // the learner stops at its next evaluation
        dispatcher.drain();
        assertEquals(1, vm.run().trials().size());
        assertFalse(vm.experiment().completeProperty().get());
        assertTrue(vm.experiment().messageProperty().get().startsWith("Cancelled"));
    }

    /** A session's live run cancelled before its end: what the session asked (trial, play) applies to the trials in. */
    @Test
    void aCancelledSessionRunStillAppliesTheSessionsTrial() throws Exception {
        vm.apply(new PilcoLabSettings(PilcoLabSettings.Source.LIVE, PilcoLabSettings.Loop.MOMENT, 3, 4, 1, null, false,
                10, true));
        dispatcher.drainUntil(() -> vm.searchProperty().get() != null, "the random trial is in", 300);
        assertFalse(vm.playback().isPlaying(), "waiting for the run");
        vm.cancel();
        assertEquals(1, vm.selectedProperty().get());
        assertTrue(vm.playback().isPlaying(), "the session's play applies to the trial that is in");
    }

    /** A live run with the recording's seed gives the recording's trials to the bit (here its first two). */
    @Test
    void aLiveRunGivesTheRecordedTrials() throws Exception {
        vm.sourceProperty().set(PilcoLabSettings.Source.LIVE);
        vm.trialsProperty().set(2);
        vm.playback().seedProperty().set(1);
        vm.start();
        dispatcher.drainUntil(() -> vm.experiment().completeProperty().get(), "two live trials", 600);
        mbrllab.io.PilcoRecording rec = mbrllab.io.PilcoRecording.resource(PilcoViewModel.RECORDED_MOMENT);
        assertEquals(1, rec.seed());
        for (int k = 0; k < 2; k++) {
            Trial live = vm.run().trials().get(k);
            Trial recorded = rec.trials().get(k);
            assertArrayEquals(recorded.states(), live.states(), 0.0, "trial " + (k + 1));
            assertArrayEquals(recorded.forces(), live.forces(), 0.0, "trial " + (k + 1));
            assertEquals(recorded.predictedCost(), live.predictedCost(), 0.0);
        }
    }

    @Test
    void settingsRoundTripAndBadFieldsAreNamed() {
        PilcoLabSettings p = new PilcoLabSettings(PilcoLabSettings.Source.LIVE, PilcoLabSettings.Loop.MEAN, 7, 5, 3,
                new double[] {0.2, 0, 1, 0}, true, Double.POSITIVE_INFINITY, true);
        PilcoLabSettings q = PilcoLabSettings.fromJson(p.toJson());
        assertEquals(p.toJson(), q.toJson());
        assertEquals(PilcoLabSettings.defaults().toJson(),
                PilcoLabSettings.fromJson(mbrllab.app.shell.Sessions.mapper().createObjectNode()).toJson());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PilcoLabSettings.fromJson(
                mbrllab.app.shell.Sessions.mapper().createObjectNode().put("trials", 99)));
        assertEquals("\"trials\" must be a whole number in 2..15, got 99", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PilcoLabSettings.fromJson(
                mbrllab.app.shell.Sessions.mapper().createObjectNode().put("propagation", "exact")));
        assertTrue(e.getMessage().startsWith("\"propagation\""), e.getMessage());
    }

    @Test
    void liveRunsOverTheAppsBudgetAreRefusedFromASessionAndTheDefaultIsNot() {
        PilcoLabSettings.Loop moment = PilcoLabSettings.Loop.MOMENT;
        // on one worker: the default 8 trials fit, the limit is where the estimate crosses the budget
        int one = PilcoLabSettings.budgetedTrials(moment, 1);
        assertTrue(one >= PilcoLabSettings.defaults().trials() && one < PilcoLabSettings.MAX_TRIALS, "" + one);
        assertTrue(mbrllab.app.lab.RunBudget.fits(PilcoLabSettings.liveCost(moment, one, 1)));
        assertFalse(mbrllab.app.lab.RunBudget.fits(PilcoLabSettings.liveCost(moment, one + 1, 1)));
        assertTrue(PilcoLabSettings.budgetedTrials(moment, 4) >= one, "more workers, no fewer trials");
        // from a session, on this machine's workers
        int here = PilcoLabSettings.budgetedTrials(moment, mbrllab.app.lab.RunBudget.workers());
        com.fasterxml.jackson.databind.node.ObjectNode live = mbrllab.app.shell.Sessions.mapper().createObjectNode()
                .put("source", "live").put("trials", here);
        assertEquals(here, PilcoLabSettings.fromJson(live).trials());
        if (here < PilcoLabSettings.MAX_TRIALS) {
            live.put("trials", here + 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PilcoLabSettings.fromJson(live));
            assertTrue(e.getMessage().startsWith("a live run of " + (here + 1) + " trials is estimated at about "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("lower the trials to at most " + here), e.getMessage());
        }
        // a recorded run computes nothing: its trials field is not checked
        assertEquals(PilcoLabSettings.MAX_TRIALS, PilcoLabSettings.fromJson(mbrllab.app.shell.Sessions.mapper()
                .createObjectNode().put("source", "recorded").put("trials", PilcoLabSettings.MAX_TRIALS)).trials());
    }

    /**
     * The four PILCO presets are valid: the recorded run, the live run from scratch, the GP mean only, trial 8's
     * policy from another start.
     */
    @Test
    void theBundledPilcoPresetsAreValid() {
        java.util.Map<String, PilcoLabSettings> found = new java.util.TreeMap<>();
        for (mbrllab.app.shell.Presets.Preset preset : mbrllab.app.shell.Presets.list()) {
            mbrllab.app.shell.Sessions.Session session = mbrllab.app.shell.Sessions.preset(preset.file())
                    .orElseThrow();
            if (session.lab().equals("pilco")) {
                found.put(preset.file(), PilcoLabSettings.fromJson(session.settings()));
            }
        }
        assertEquals(java.util.List.of("pilco-another-start.json", "pilco-from-scratch.json", "pilco-mean-only.json",
                "pilco-recorded.json"), java.util.List.copyOf(found.keySet()));
        PilcoLabSettings another = found.get("pilco-another-start.json");
        assertEquals(8, another.trial());
        assertArrayEquals(new double[] {0.5, 0, 0, 0}, another.start(), 0.0);
        assertEquals(PilcoLabSettings.Source.LIVE, found.get("pilco-from-scratch.json").source());
        assertEquals(PilcoLabSettings.Loop.MEAN, found.get("pilco-mean-only.json").propagation());
        assertEquals(PilcoLabSettings.Source.RECORDED, found.get("pilco-recorded.json").source());
        // the shipped recordings are small and are what the presets promise
        mbrllab.io.PilcoRecording mean = mbrllab.io.PilcoRecording.resource(PilcoViewModel.RECORDED_MEAN);
        assertEquals("mean", mean.propagation());
        for (Trial t : mean.trials()) {
            if (t.prediction() != null) {
                assertEquals(0.0, t.predictedCostSd(), 0.0, "the GP mean alone predicts no spread");
            }
        }
        assertEquals("moment", mbrllab.io.PilcoRecording.resource(PilcoViewModel.RECORDED_MOMENT).propagation());
    }

    /** The tip's moments against 400,000 samples of the Gaussian (x, theta); and exact at zero variance. */
    @Test
    void tipMomentsMatchSampling() {
        double mx = 0.3;
        double mth = 2.5;
        double vx = 0.04;
        double vth = 0.3;
        double cxt = 0.05;
        double l = 0.5;
        TipMoments.Tip tip = TipMoments.of(mx, mth, vx, vth, cxt, l);
        SplitMix64 rng = new SplitMix64(3);
        int n = 400_000;
        double a11 = Math.sqrt(vx);
        double a21 = cxt / a11;
        double a22 = Math.sqrt(vth - a21 * a21);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            double x = mx + a11 * z1;
            double th = mth + a21 * z1 + a22 * z2;
            double px = x + l * Math.sin(th);
            double py = -l * Math.cos(th);
            sx += px;
            sy += py;
            sxx += px * px;
            sxy += px * py;
            syy += py * py;
        }
        double ex = sx / n;
        double ey = sy / n;
        assertEquals(ex, tip.px(), 3e-3);
        assertEquals(ey, tip.py(), 3e-3);
        assertEquals(sxx / n - ex * ex, tip.sxx(), 3e-3);
        assertEquals(sxy / n - ex * ey, tip.sxy(), 3e-3);
        assertEquals(syy / n - ey * ey, tip.syy(), 3e-3);
        TipMoments.Tip point = TipMoments.of(0.1, 1.0, 0, 0, 0, l);
        assertEquals(0.1 + l * Math.sin(1.0), point.px(), 1e-12);
        assertEquals(-l * Math.cos(1.0), point.py(), 1e-12);
        assertEquals(0, point.ellipse2Sigma()[0], 1e-6);
    }
}
