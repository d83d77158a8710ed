package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BoxModel;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesDynaQ;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.dyna.ExperimentObserver;

/** The lab's carts step exactly as the core's episodes, and their recordings replay the very states. */
class CartTest {

    private static void runEpisodes(Cart cart, int episodes) {
        while (cart.log().finished() < episodes) {
            cart.tick(0);
        }
    }

    @Test
    void dynaQCartsBalanceExactlyTheEpisodesOfRunOneOfTheBackgroundExperiment() {
        for (BoxModelKind kind : BoxModelKind.values()) {
            BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(kind, BoxesDynaParams.defaults(), List.of(0, 5, 50), 1, 25,
                    7);
            int[][] expected = BoxesLearningExperiment.runOne(spec, 0, ExperimentObserver.NONE);
            for (int i = 0; i < 3; i++) {
                int n = spec.curveNs().get(i);
                Cart cart = Cart.dynaQ(new BoxesDynaQ(spec.params().withN(n), kind.create(), spec.realSeed(0),
                        spec.planSeed(0)), spec.envSeed(0));
                runEpisodes(cart, 25);
                assertArrayEquals(expected[i], cart.log().steps(1, 25), kind + ", n = " + n);
            }
        }
    }

    @Test
    void randomCartBalancesExactlyTheEpisodesOfTheRandomExperiment() {
        BoxesLearningSpec spec = BoxesLearningSpec.random(1, 40, 3);
        int[][] expected = BoxesLearningExperiment.runOne(spec, 0, ExperimentObserver.NONE);
        Cart cart = Cart.random(CartSystem.BALANCE, spec.realSeed(0), spec.envSeed(0));
        runEpisodes(cart, 40);
        assertArrayEquals(expected[0], cart.log().steps(1, 40));
    }

    @Test
    void aRecordingRecomputesEveryLiveStateBitForBit() {
        for (CartSystem system : CartSystem.values()) {
            Cart cart = Cart.random(system, 11, 12);
            List<double[]> live = new ArrayList<>();
            live.add(cart.state().clone());
            do {
                cart.tick(0);
                live.add(cart.state().clone());
            } while (cart.ending() == null);
            EpisodeRecord record = cart.log().get(1);
            assertEquals(live.size() - 1, record.steps());
            double[] states = record.states();
            for (int k = 0; k < live.size(); k++) {
                double[] recorded = java.util.Arrays.copyOfRange(states, 4 * k, 4 * k + 4);
                assertArrayEquals(live.get(k), recorded, 0.0, system + " state " + k);
            }
            cart.tick(0);
            assertEquals(2, cart.episode(), "the tick after the end starts the next episode with its first step");
            assertEquals(1, cart.step());
        }
    }

    @Test
    void theKeyboardPushesTheCartItsWay() {
        for (CartSystem system : CartSystem.values()) {
            Cart right = Cart.keyboard(system, 5);
            Cart left = Cart.keyboard(system, 5);
            for (int k = 0; k < 4; k++) {
                right.tick(+1);
                left.tick(-1);
            }
            assertTrue(right.state()[CartPoleState.X_DOT] > 0.5, system + " right: x' " + right.state()[1]);
            assertTrue(left.state()[CartPoleState.X_DOT] < -0.5, system + " left: x' " + left.state()[1]);
            assertEquals(10.0, right.force());
            assertEquals(-10.0, left.force());
        }
        Cart none = Cart.keyboard(CartSystem.SWING_UP, 5);
        none.tick(0);
        assertEquals(0.0, none.force());
        assertArrayEquals(new double[] {0, 0, 0, 0}, none.state(), 0.0, "at rest hanging, no force: stays");
    }

    @Test
    void theKeyboardTakesOverARandomCartInMidEpisode() {
        Cart cart = Cart.random(CartSystem.BALANCE, 1, 2);
        cart.tick(0);
        cart.tick(0);
        cart.takeOver();
        assertTrue(cart.isKeyboard());
        while (cart.ending() == null) {
            cart.tick(+1);
        }
        EpisodeRecord r = cart.log().get(1);
        assertEquals("random, then keyboard", r.controller());
        for (int k = 2; k < r.steps(); k++) {
            assertEquals(1, r.pushes()[k]);
        }
        while (cart.log().finished() < 2) {
            cart.tick(-1);
        }
        assertEquals("keyboard", cart.log().get(2).controller(), "the next episode is the keyboard's");
    }

    @Test
    void balanceEpisodesEndAtFailureOrTruncationAndSwingUpAfterFourSeconds() {
        Cart swing = Cart.keyboard(CartSystem.SWING_UP, 1);
        for (int k = 0; k < 39; k++) {
            swing.tick(k % 10 < 5 ? 1 : -1);
            assertNull(swing.ending());
        }
        swing.tick(0);
        assertEquals(CartSystem.Ending.HORIZON, swing.ending());
        assertEquals(40, swing.log().get(1).steps());
        double cost = swing.log().get(1).score();
        assertTrue(cost > 30 && cost <= 40, "far from upright, the cost is near 1 per step: " + cost);

        Cart fall = Cart.keyboard(CartSystem.BALANCE, 1);
        while (fall.ending() == null) {
            fall.tick(+1);
        }
        assertTrue(fall.ending().failed());
        assertEquals(fall.step(), (int) fall.log().get(1).score(), "return = steps");
    }

    @Test
    void theLogKeepsTheFirstThousandAndTheLatestTenThousandEpisodes() {
        EpisodeLog log = new EpisodeLog();
        for (int e = 1; e <= 12_000; e++) {
            log.add(new EpisodeRecord(e, CartSystem.BALANCE, "random", new double[4], new byte[e % 7 + 1],
                    CartSystem.Ending.POLE_FELL, e % 7 + 1));
        }
        assertEquals(12_000, log.finished());
        assertTrue(log.has(1) && log.has(1000) && log.has(2001) && log.has(12_000));
        assertFalse(log.has(1001) || log.has(2000) || log.has(0) || log.has(12_001));
        assertNull(log.get(1500));
        assertEquals(12_000, log.get(12_000).number());
        assertEquals(2001, log.get(2001).number());
        assertEquals(1000, log.nearestKept(1500));
        assertEquals(2001, log.nearestKept(1501));
        assertEquals(12_000, log.nearestKept(99_999));
        assertEquals(1, log.nearestKept(-5));
        assertEquals(1000, log.steps(1, 1000).length);
        assertEquals(1000, log.steps(1, 5000).length, "stops at the first dropped episode");
    }

    @Test
    void hermiteMotionHitsBothStatesExactlyAndMovesSmoothlyBetween() {
        double[] a = {0.1, 1.0, 0.02, -0.5};
        double[] b = {0.12, 1.2, 0.01, -0.6};
        double[] out = new double[4];
        Motion.hermite(a, b, 0, 0.02, out);
        assertArrayEquals(a, out, 0.0);
        Motion.hermite(a, b, 1, 0.02, out);
        assertArrayEquals(b, out, 0.0);
        Motion.hermite(a, b, 0.5, 0.02, out);
        assertTrue(out[0] > a[0] && out[0] < b[0], "x between: " + out[0]);
        assertEquals(1.1, out[1], 1e-12);
        // A pose at constant velocity is interpolated exactly.
        double[] c = {0, 2, 0, 0};
        double[] d = {0.04, 2, 0, 0};
        Motion.hermite(c, d, 0.25, 0.02, out);
        assertEquals(0.01, out[0], 1e-15);
    }

    @Test
    void frameStatsPercentiles() {
        FrameStats stats = new FrameStats();
        assertTrue(Double.isNaN(stats.percentileMillis(50)));
        for (int i = 1; i <= 100; i++) {
            stats.add(i * 1_000_000L);
        }
        assertEquals(50.0, stats.percentileMillis(50));
        assertEquals(95.0, stats.percentileMillis(95));
        assertEquals(100.0, stats.percentileMillis(100));
        assertTrue(stats.summary().startsWith("p50 50.00 ms, p95 95.00 ms, max 100.00 ms (100 frames)"));
    }

    @Test
    void modelEntriesReadAsNextBoxesWithCounts() {
        List<BoxModel.Outcome> outcomes = List.of(new BoxModel.Outcome(85, 0, 2, 0.2),
                new BoxModel.Outcome(94, 0, 7, 0.7), new BoxModel.Outcome(-1, -1, 1, 0.1));
        assertEquals("left (10 tries) → 94 ×7, 85 ×2, failed ×1", BoxText.push("left", 10, outcomes,
                BoxModelKind.SAMPLE));
        assertEquals("right (12k tries) → 85, the latest", BoxText.push("right", 12_345,
                List.of(new BoxModel.Outcome(85, 0, 1, 1)), BoxModelKind.LAST_OUTCOME));
        assertEquals("left: never tried here", BoxText.push("left", 0, List.of(), BoxModelKind.SAMPLE));
        assertEquals("left (8.8k tries) → 67 ×1.2M, 70 ×999", BoxText.push("left", 8_784, List.of(
                new BoxModel.Outcome(70, 0, 999, 0.1), new BoxModel.Outcome(67, 0, 1_234_567, 0.9)),
                BoxModelKind.SAMPLE));
        assertEquals("box 85: -0.8 ≤ x < 0.8, -0.5 ≤ x' < 0.5, 0 ≤ θ < 1°, -50 ≤ θ' < 50°/s", BoxText.describe(85));
        Cart cart = Cart.dynaQ(new BoxesDynaQ(BoxesDynaParams.defaults().withN(5), BoxModelKind.SAMPLE.create(), 1, 2),
                3);
        for (int k = 0; k < 200; k++) {
            cart.tick(0);
        }
        while (cart.ending() != null) {
            cart.tick(0);
        }
        Cart.BoxView view = cart.boxView();
        assertNotNull(view);
        assertTrue(BoxText.entry(view).startsWith("box " + view.box() + " · Q left "), BoxText.entry(view));
        assertEquals(3, BoxText.entry(view).lines().count());
        // Shorter forms for narrow panes: longest first, three lines each; the headline alone on one line.
        String[] forms = BoxText.entryForms(view);
        assertEquals(BoxText.entry(view), forms[0]);
        for (int k = 1; k < forms.length; k++) {
            assertEquals(3, forms[k].lines().count(), forms[k]);
            assertTrue(widest(forms[k]) <= widest(forms[k - 1]), forms[k - 1] + " / " + forms[k]);
        }
        assertEquals("left (10) → 94 ×7, +2", BoxText.push("left", 10, outcomes, BoxModelKind.SAMPLE, 1, true));
        String[] headlines = BoxText.headlineForms(view);
        assertEquals(BoxText.entry(view).lines().findFirst().orElseThrow(), headlines[0]);
        assertTrue(headlines[2].startsWith("box " + view.box() + " · Q ← ") && headlines[2].contains(", → "),
                headlines[2]);
        assertTrue(headlines[2].length() < headlines[1].length() && headlines[1].length() < headlines[0].length());
    }

    private static int widest(String s) {
        return s.lines().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Near a bumper the push's label ("10 N", above the arrow on the cart's side) and the bumper's "+2.4 m" had
     * overlapped; the bumper's label now goes above the push's where they would (a picture 300 x 200 px at text 14,
     * the cart at x = 1.9 pushed left, its arrow towards +2.4 m), and stays where it was when they would not.
     */
    @Test
    void theBumperLabelGoesAboveThePushLabelNearIt() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(300, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        CartRenderer.Style style = new CartRenderer.Style(14, false, false, java.awt.Color.BLUE, false);
        double[] near = {1.9, 0, 0, 0};
        double[] away = {-1.0, 0, 0, 0};
        double[][] boxes = new double[2][];
        double[] bumperBottoms = new double[2];
        for (int i = 0; i < 2; i++) {
            double[] s = i == 0 ? near : away;
            mbrllab.app.render.TextPen pen = new mbrllab.app.render.TextPen(image.createGraphics());
            CartRenderer.draw(pen, new CartRenderer.Picture(CartSystem.BALANCE, s, s, -10, "episode 1", null, false,
                    null, Integer.MIN_VALUE), style, 300, 200);
            mbrllab.app.render.TextPen.Drawn push = drawn(pen, "10 N");
            mbrllab.app.render.TextPen.Drawn bumper = drawn(pen, "+2.4 m");
            boxes[i] = box(pen, push);
            double[] b = box(pen, bumper);
            bumperBottoms[i] = b[3];
            boolean overlap = b[0] < boxes[i][2] && b[2] > boxes[i][0] && b[1] < boxes[i][3] && b[3] > boxes[i][1];
            assertFalse(overlap, (i == 0 ? "near" : "away") + ": push label " + java.util.Arrays.toString(boxes[i])
                    + ", bumper label " + java.util.Arrays.toString(b));
        }
        assertTrue(bumperBottoms[0] <= boxes[0][1], "near the bumper its label is above the push's");
        assertTrue(bumperBottoms[1] > boxes[1][1], "away from it, at the bumper's top as before");
    }

    /**
     * The keyboard's hint, too long to stand beside the header and the key caps, goes under the header; at the end of
     * an episode the ending ("the pole passed 12 degrees") goes beside it or under it: the two had been drawn over each
     * other (1024x768, text 1.5: a cart pane of about 560 x 240 px, text 19.5 px).
     */
    @Test
    void theHintAndTheEndingDoNotOverlap() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(560, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        double[] s = {0.15, 1.7, -0.24, -2.8};
        mbrllab.app.render.TextPen pen = new mbrllab.app.render.TextPen(image.createGraphics());
        CartRenderer.draw(pen, new CartRenderer.Picture(CartSystem.BALANCE, s, s, 10, "episode 1 · step 9 · return 9",
                CartSystem.Ending.POLE_FELL, false, "press ← or → to start", 0),
                new CartRenderer.Style(19.5, false, false, java.awt.Color.BLUE, false), 560, 240);
        mbrllab.app.render.TextPen.Drawn hint = drawn(pen, "press ← or → to start");
        mbrllab.app.render.TextPen.Drawn ending = drawn(pen, "the pole passed 12 degrees");
        assertEquals(mbrllab.app.render.Pen.VAlign.TOP, hint.valign(), "the hint under the header, not beside it");
        assertApart(pen, hint, ending);
    }

    /** The two texts' boxes (one line of 1.2 sizes, placed by their alignment) do not overlap. */
    private static void assertApart(mbrllab.app.render.TextPen pen, mbrllab.app.render.TextPen.Drawn a,
                                    mbrllab.app.render.TextPen.Drawn b) {
        double[] p = anyBox(pen, a);
        double[] q = anyBox(pen, b);
        boolean overlap = p[0] < q[2] && p[2] > q[0] && p[1] < q[3] && p[3] > q[1];
        assertFalse(overlap, a.text() + " " + java.util.Arrays.toString(p) + ", " + b.text() + " "
                + java.util.Arrays.toString(q));
    }

    private static double[] anyBox(mbrllab.app.render.TextPen pen, mbrllab.app.render.TextPen.Drawn d) {
        double w = pen.textWidth(d.text(), d.size(), d.face());
        double h = 1.2 * d.size();
        double left = switch (d.align()) {
            case LEFT -> d.x();
            case RIGHT -> d.x() - w;
            default -> d.x() - w / 2;
        };
        double top = switch (d.valign()) {
            case TOP -> d.y();
            case BOTTOM -> d.y() - h;
            default -> d.y() - h / 2;
        };
        return new double[] {left, top, left + w, top + h};
    }

    /**
     * A swing-up cart far from the target: the edge's "target: 9.0 m" and the ending ("end of the 4 s horizon") had
     * been drawn over each other (1024x768, text 1.5); the ending goes beside the hint, or under the edge's label.
     */
    @Test
    void theEndingDoesNotCoverTheEdgeLabel() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(560, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        double[] s = {-8.978, 0.597, -0.724, 3.21};
        mbrllab.app.render.TextPen pen = new mbrllab.app.render.TextPen(image.createGraphics());
        CartRenderer.draw(pen, new CartRenderer.Picture(CartSystem.SWING_UP, s, s, 0, "episode 1 · step 40 · cost 39.9",
                CartSystem.Ending.HORIZON, false, "press ← or → to start", 0),
                new CartRenderer.Style(19.5, false, false, java.awt.Color.BLUE, false), 560, 240);
        mbrllab.app.render.TextPen.Drawn ending = drawn(pen, "end of the 4 s horizon");
        assertApart(pen, drawn(pen, "target: 9.0 m"), ending);
        assertApart(pen, drawn(pen, "press ← or → to start"), ending);
        // without the hint (Dyna-Q's panes) the ending is at the scene's top, and still not over the edge's label
        mbrllab.app.render.TextPen plain = new mbrllab.app.render.TextPen(image.createGraphics());
        CartRenderer.draw(plain, new CartRenderer.Picture(CartSystem.SWING_UP, s, s, 0, "episode 1 · step 40",
                CartSystem.Ending.HORIZON, false, null, Integer.MIN_VALUE),
                new CartRenderer.Style(19.5, false, false, java.awt.Color.BLUE, false), 560, 240);
        assertApart(plain, drawn(plain, "target: 9.0 m"), drawn(plain, "end of the 4 s horizon"));
    }

    /**
     * A header too long for its pane takes a shorter form instead of being squeezed: the replay's "REPLAY of episode
     * 19 · step 78 / 78 · return 78" was squeezed into a 275 px pane at 1024x768 with text 1.5.
     */
    @Test
    void headersShortenForNarrowPanes() {
        assertArrayEquals(new String[] {"REPLAY of episode 19 · step 78 / 78 · return 78",
            "REPLAY ep. 19 · step 78 / 78 · return 78", "REPLAY ep. 19 · step 78 / 78", "REPLAY ep. 19 · step 78"},
                CartRenderer.headerForms("REPLAY of episode 19 · step 78 / 78 · return 78"));
        assertArrayEquals(new String[] {"episode 56 · step 231 · cost 12.5", "ep. 56 · step 231 · cost 12.5",
            "ep. 56 · step 231", "ep. 56 · step 231"}, CartRenderer.headerForms("episode 56 · step 231 · cost 12.5"));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(275, 170,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        double[] s = {0.1, 0, 0.05, 0};
        for (boolean replay : new boolean[] {true, false}) {
            String header = replay ? "REPLAY of episode 19 · step 78 / 78 · return 78"
                    : "episode 19 · step 78 · return 78";
            mbrllab.app.render.TextPen pen = new mbrllab.app.render.TextPen(image.createGraphics());
            CartRenderer.draw(pen, new CartRenderer.Picture(CartSystem.BALANCE, s, s, 10, header, null, replay, null,
                    Integer.MIN_VALUE), new CartRenderer.Style(18, false, true, java.awt.Color.BLUE, false), 275, 170);
            mbrllab.app.render.TextPen.Drawn top = pen.texts.get(0);
            System.out.println("275 px pane, text 18 px: header '" + top.text() + "'");
            assertTrue(top.text().startsWith(replay ? "REPLAY ep. 19 · step 78" : "ep. 19 · step 78"), top.text());
            assertTrue(pen.textWidth(top.text(), top.size(), top.face()) <= top.maxWidth(), "'" + top.text()
                    + "' squeezed into " + top.maxWidth() + " px");
        }
    }

    private static mbrllab.app.render.TextPen.Drawn drawn(mbrllab.app.render.TextPen pen, String text) {
        return pen.texts.stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow(() ->
                new AssertionError(text + " not drawn: " + pen.texts));
    }

    /** A centred, bottom-aligned text's box {left, top, right, bottom}, one line (1.2 sizes) high. */
    private static double[] box(mbrllab.app.render.TextPen pen, mbrllab.app.render.TextPen.Drawn d) {
        assertEquals(mbrllab.app.render.Pen.Align.CENTER, d.align());
        assertEquals(mbrllab.app.render.Pen.VAlign.BOTTOM, d.valign());
        double half = pen.textWidth(d.text(), d.size(), d.face()) / 2;
        return new double[] {d.x() - half, d.y() - 1.2 * d.size(), d.x() + half, d.y()};
    }

    /** Read-outs too long for a narrow picture fall back to two decimals before they are cut. */
    @Test
    void readoutsShortenForNarrowPictures() {
        double[] s = {-0.6081, 0.1234, Math.toRadians(-4.42), Math.toRadians(-12.3)};
        assertEquals(1, CartRenderer.readout(s, 10, 80).length);
        assertEquals("x -0.608 m  x' +0.123 m/s", CartRenderer.readout(s, 10, 26)[0]);
        String[] narrow = CartRenderer.readout(s, 10, 24);
        assertEquals("x -0.61 m  x' +0.12 m/s", narrow[0]);
        assertEquals("θ  -4.4°  θ'  -12°/s", narrow[1]);
    }

    /**
     * A swing-up step of 0.1 s is drawn along the physics' own Runge-Kutta substeps: the in-between poses are the
     * states the physics passes through (a curve through the step's two ends alone was up to 1.1 degrees off, and
     * the step turns the pole by up to 95 degrees), and the path ends at the step's state bit for bit.
     */
    @Test
    void swingUpStepsAreDrawnThroughTheStatesThePhysicsPassesThrough() {
        Cart cart = Cart.keyboard(CartSystem.SWING_UP, 5);
        SwingUpSystem sys = CartSystem.SWING_UP_SYSTEM;
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double[] out = new double[4];
        double worstTheta = 0;
        double worstX = 0;
        double largestTurn = 0;
        for (int k = 0; k < 40; k++) {
            cart.tick(k % 8 < 4 ? 1 : -1);
            CartFrame f = CartFrame.of(cart);
            double[] path = f.path();
            assertEquals(4 * (sys.substeps() + 1), path.length);
            assertArrayEquals(f.previous(), java.util.Arrays.copyOfRange(path, 0, 4), 0.0, "from the state before");
            assertArrayEquals(f.state(), java.util.Arrays.copyOfRange(path, path.length - 4, path.length), 0.0,
                    "to the step's state, bit for bit");
            for (double alpha : new double[] {0.1, 0.25, 0.37, 0.5, 0.75, 0.93}) {
                SwingUpSystem part = new SwingUpSystem(sys.gravity(), sys.cartMass(), sys.poleMass(), sys.poleLength(),
                        sys.friction(), sys.maxForce(), alpha * sys.controlPeriod(), 1000, sys.horizon());
                double[] truth = f.previous().clone();
                part.step(truth, f.force(), work);
                Motion.along(path, alpha, sys.controlPeriod(), out);
                worstTheta = Math.max(worstTheta, Math.abs(Math.toDegrees(out[CartPoleState.THETA]
                        - truth[CartPoleState.THETA])));
                worstX = Math.max(worstX, Math.abs(out[CartPoleState.X] - truth[CartPoleState.X]));
            }
            largestTurn = Math.max(largestTurn, Math.abs(Math.toDegrees(f.state()[CartPoleState.THETA]
                    - f.previous()[CartPoleState.THETA])));
        }
        assertTrue(largestTurn > 40, "a step turns the pole a lot: " + largestTurn + " degrees");
        assertTrue(worstTheta < 0.01, "drawn within 0.01 degrees of the physics: " + worstTheta);
        assertTrue(worstX < 1e-4, "and the cart within 0.1 mm: " + worstX);
        Motion.along(CartFrame.of(cart).path(), 0, 0.1, out);
        assertArrayEquals(CartFrame.of(cart).previous(), out, 0.0);

        Cart balance = Cart.keyboard(CartSystem.BALANCE, 5);
        balance.tick(1);
        assertNull(CartFrame.of(balance).path(), "balance's Euler step has no states in between");
        Cart resting = Cart.keyboard(CartSystem.SWING_UP, 5);
        assertNull(CartFrame.of(resting).path(), "no step yet: nothing to draw in between");
    }
}
