package mbrllab.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import mbrllab.app.shell.Shell;
import mbrllab.io.AtomicFiles;

/**
 * The {@code screenshot} command's side in the app: open the window, let the chosen lab play for a while,
 * write a PNG of the whole window, quit. Works under a real display (Xvfb) and headless on Monocle.
 */
public final class Screenshots {

    /** The longest wait for a lab's computation before its run time starts [s]. */
    static final int COMPUTING_LIMIT_SECONDS = 120;

    private static final AtomicInteger EXIT_CODE = new AtomicInteger(1);
    private static final AtomicReference<String> ERROR = new AtomicReference<>();

    private Screenshots() {
    }

    /**
     * Starts the app for a screenshot and waits until it has quit. Headless (no DISPLAY) it switches JavaFX to
     * Monocle's headless platform first.
     *
     * @return 0 when the PNG was written; 2 when it could not be written (the reason on stderr); 1 when the window
     *         failed otherwise (the reason on stderr)
     */
    public static int take(ScreenshotOptions options) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
            // Monocle's headless screen is 1280x800 unless told: a larger window (1920x1080) would overflow it.
            System.setProperty("headless.geometry", String.format(java.util.Locale.ROOT, "%dx%d-32",
                    Math.max(1280, options.width()), Math.max(800, options.height())));
        }
        JavaFxLogging.dropClassPathWarning();
        try {
            Application.launch(MbrlLabApp.class, options.toArgs().toArray(new String[0]));
        } catch (RuntimeException e) {
            System.err.println("screenshot: the window could not be opened: " + e.getMessage());
            return 1;
        }
        if (ERROR.get() != null) {
            System.err.println("screenshot: " + ERROR.get());
        }
        return EXIT_CODE.get();
    }

    static void schedule(Stage stage, Shell shell, ScreenshotOptions options) {
        schedule(stage, shell, options, null);
    }

    /**
     * As {@link #schedule(Stage, Shell, ScreenshotOptions)}, and prints the FX thread's frame statistics while
     * the lab played and the heap in use afterwards when {@code dispatcher} is given.
     */
    static void schedule(Stage stage, Shell shell, ScreenshotOptions options, FxDispatcher dispatcher) {
        if (!shell.select(options.lab())) {
            ERROR.set("no lab '" + options.lab() + "'");
            Platform.exit();
            return;
        }
        shell.fontScaleProperty().set(options.fontScale());
        shell.setHighContrast(options.highContrast());
        shell.setPresenter(options.presenter());
        if (options.preset().isEmpty()) {
            shell.currentLab().controls().reset().run();
            ScreenshotHooks.setSpeed(shell, options.speed());
            if (options.runSeconds() > 0) { // run time 0: the lab as it opens, not played
                shell.currentLab().controls().playPause().run();
            }
        } else if (!shell.applyPresetFile(options.preset() + ".json")) {
            ERROR.set("no preset '" + options.preset() + "' (see resources/presets/index.json)");
            Platform.exit();
            return;
        }
        afterComputing(shell, () -> play(stage, shell, options, dispatcher));
    }

    /**
     * Runs {@code then} once the lab has computed what it shows only when done ({@link
     * mbrllab.app.lab.Lab#computing()}: the Models lab's fits and predictions after its preset), at most
     * {@value #COMPUTING_LIMIT_SECONDS} s from now; at once for a lab that is not computing.
     */
    private static void afterComputing(Shell shell, Runnable then) {
        ObservableBooleanValue computing = shell.currentLab().computing();
        if (!computing.get()) {
            then.run();
            return;
        }
        long start = System.nanoTime();
        boolean[] done = {false};
        PauseTransition limit = new PauseTransition(Duration.seconds(COMPUTING_LIMIT_SECONDS));
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now && !done[0]) {
                    done[0] = true;
                    computing.removeListener(this);
                    limit.stop();
                    System.out.printf(java.util.Locale.ROOT, "the lab computed for %.1f s before the run time%n",
                            (System.nanoTime() - start) / 1e9);
                    then.run();
                }
            }
        };
        limit.setOnFinished(e -> {
            if (!done[0]) {
                done[0] = true;
                computing.removeListener(listener);
                System.err.println("screenshot: the lab was still computing after " + COMPUTING_LIMIT_SECONDS
                        + " s; the picture shows what was done by then");
                then.run();
            }
        });
        computing.addListener(listener);
        limit.play();
    }

    /** Presses Step K times, lets the lab play its run time, then writes the PNG and quits. */
    private static void play(Stage stage, Shell shell, ScreenshotOptions options, FxDispatcher dispatcher) {
        for (int i = 0; i < options.steps(); i++) {
            shell.currentLab().controls().step().run();
        }
        // the Help opens now, so that it is laid out and at its section when the picture is taken
        Stage pictured = options.helpWindow() ? shell.showHelp() : stage;
        if (dispatcher != null) {
            dispatcher.resetFrameStats();
            if (options.runSeconds() > 4) {
                // Leave the first two seconds (class loading, JIT, the first layout) out of the statistics.
                PauseTransition warmUp = new PauseTransition(Duration.seconds(2));
                warmUp.setOnFinished(e -> dispatcher.resetFrameStats());
                warmUp.play();
            }
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(options.runSeconds()));
        Runnable picture = () -> {
            if (dispatcher != null) {
                double[][] stats = dispatcher.frameStats();
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf(java.util.Locale.ROOT, "fx_pulse_interval_ms p50 %.2f p95 %.2f max %.2f%n",
                        stats[0][0], stats[0][1], stats[0][2]);
                System.out.printf(java.util.Locale.ROOT, "fx_update_work_per_pulse_ms p50 %.2f p95 %.2f max %.2f%n",
                        stats[1][0], stats[1][1], stats[1][2]);
                System.out.printf(java.util.Locale.ROOT, "heap_used_after_gc_mb %.1f%n",
                        (rt.totalMemory() - rt.freeMemory()) / 1e6);
            }
            try {
                WritableImage image = snapshot(pictured, options.scale());
                BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(buffered, "png", png);
                AtomicFiles.write(options.out(), png.toByteArray());
                EXIT_CODE.set(0);
            } catch (IOException ex) {
                ERROR.set(ex.getMessage()); // AtomicFiles names the file and the reason
                EXIT_CODE.set(2);
            } catch (IllegalStateException ex) {
                ERROR.set(ex.getMessage());
                EXIT_CODE.set(2);
            } catch (RuntimeException ex) {
                ERROR.set("cannot take the picture for " + options.out() + ": " + ex);
            } finally {
                shell.dispose();
                Platform.exit();
            }
        };
        if (options.runSeconds() > 0) {
            wait.setOnFinished(e -> picture.run());
            wait.play();
        } else {
            whenAtRest(pictured, picture);
        }
    }

    /** How long the window's picture must stay the same before a picture at run time 0 is taken [s]. */
    static final double REST_SECONDS = 1;
    /**
     * Pixels that may differ between two pictures still called the same: a text field's blinking caret (2 x 20 px at
     * text 1.5) is not a change; a step's frame redraws thousands.
     */
    static final int REST_PIXELS = 200;
    /** The longest wait for the window to come to rest at run time 0 [s]. */
    static final double REST_LIMIT_SECONDS = 10;

    /**
     * Runs {@code then} once the window's picture has stayed the same (but for {@value #REST_PIXELS} pixels) for
     * {@value #REST_SECONDS} s and three pulses, at most {@value #REST_LIMIT_SECONDS} s from now. With run time 0 the picture was taken at the next pulse: before the frames of the steps asked for
     * (they are answered on the lab's thread) and before the first layout's second pass, a blank maze and the
     * debugger's "-" in every row.
     */
    private static void whenAtRest(Stage stage, Runnable then) {
        long start = System.nanoTime();
        new javafx.animation.AnimationTimer() {
            private int[] last;
            private int same;
            private long changed = start;

            @Override
            public void handle(long now) {
                WritableImage image = stage.getScene().snapshot(null);
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                int[] pixels = new int[w * h];
                image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        pixels, 0, w);
                long t = System.nanoTime();
                if (last != null && differing(pixels, last) <= REST_PIXELS) {
                    same++;
                } else {
                    same = 0;
                    changed = t;
                }
                if (same == 0) {
                    last = pixels; // compared with the picture of the last change, so that slow drift counts
                }
                boolean late = t - start > REST_LIMIT_SECONDS * 1e9;
                if ((same >= 3 && t - changed >= REST_SECONDS * 1e9) || late) {
                    stop();
                    if (late) {
                        System.err.println("screenshot: the window still changed after " + REST_LIMIT_SECONDS
                                + " s; the picture shows it then");
                    }
                    then.run();
                }
            }
        }.start();
    }

    /** How many of two same-sized pictures' pixels differ. */
    static int differing(int[] a, int[] b) {
        if (a.length != b.length) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    /**
     * The window's picture at {@code scale} pixels per logical pixel. At 1 the scene as on a plain screen. At 2 the
     * scene graph is rendered with a scale of 2, as a window on a screen at output scale 2 is: text and shapes at
     * device resolution, and canvases from their textures, which JavaFX sizes by the screens' output scale (NGCanvas:
     * the highest recommended output scale, rounded up). Hence a screen at that scale is required: on a screen at
     * scale 1 the canvases would be upscaled, blurry, and the picture would not be a HiDPI render.
     */
    static WritableImage snapshot(Stage stage, int scale) {
        if (scale == 1) {
            return stage.getScene().snapshot(null);
        }
        double screen = 1;
        for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
            screen = Math.max(screen, Math.max(s.getOutputScaleX(), s.getOutputScaleY()));
        }
        if (Math.ceil(screen) < scale) {
            throw new IllegalStateException("--scale " + scale + " needs a screen at output scale " + scale
                    + " (this one is at " + screen + "); under Xvfb run java with -Dglass.gtk.uiScale=" + scale);
        }
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        p.setFill(stage.getScene().getFill());
        return stage.getScene().getRoot().snapshot(p, null);
    }

    /** Sets the lab's speed slider through the toolbar (the slider has id speedSlider). */
    private static final class ScreenshotHooks {
        static void setSpeed(Shell shell, double position) {
            for (javafx.scene.Node node : shell.currentLab().toolbarItems()) {
                if (node instanceof javafx.scene.control.Slider slider && "speedSlider".equals(slider.getId())) {
                    slider.setValue(position);
                }
            }
        }
    }
}
