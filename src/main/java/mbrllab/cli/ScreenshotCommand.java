package mbrllab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import mbrllab.app.ScreenshotOptions;
import mbrllab.app.Screenshots;
import mbrllab.app.shell.Presets;
import mbrllab.app.shell.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screenshot --lab dyna-maze|changing-mazes|cart-pole --run-seconds T --out FILE.png}. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = {"Open the window, let a lab run, write a PNG of the whole window and quit.",
            "Works under a display (e.g. xvfb-run) and headless without one (JavaFX Monocle)."})
final class ScreenshotCommand implements Callable<Integer> {

    /** The labs a screenshot can show (their ids in the navigation). */
    static final java.util.List<String> LABS = java.util.List.of("dyna-maze", "changing-mazes", "cart-pole", "models",
            "planning", "acceleration", "pilco");

    @Option(names = "--lab", paramLabel = "LAB", defaultValue = "dyna-maze",
            description = "the lab to show: dyna-maze, changing-mazes, cart-pole, models, planning, acceleration or "
                    + "pilco (default: ${DEFAULT-VALUE})")
    String lab;

    @Option(names = "--run-seconds", paramLabel = "T", defaultValue = "3",
            description = {"seconds to let the lab play first, 0..600 (default: ${DEFAULT-VALUE}); counted from when "
                + "the lab has computed what it shows only once done (the Models lab's fits: waits at most 120 s); "
                + "0: not played, the picture as soon as the window has stopped changing (1 s the same but for a "
                + "caret's blinking, at most 10 s), e.g. after --steps with a paused preset"})
    double runSeconds;

    @Option(names = "--speed", paramLabel = "STEPS", defaultValue = "100",
            description = "steps per second while playing, 1..99999, or 'max' (default: ${DEFAULT-VALUE})")
    String speed;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800",
            description = "window size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--font-scale", paramLabel = "S", defaultValue = "1",
            description = "text scale 0.7..3 (default: ${DEFAULT-VALUE})")
    double fontScale;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "the PNG to write")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "",
            description = "apply this preset first (a file stem in resources/presets, e.g. figure-8.3, "
                    + "debug-one-episode or blocking-maze-figure-8.4) instead of resetting and playing")
    String preset;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "0",
            description = "press Step K times after the preset, 0..100000 (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--high-contrast", description = "use the high-contrast theme")
    boolean highContrast;

    @Option(names = "--presenter", description = "presenter mode: the lab list and the side panel folded away, the "
            + "pictures taking the window (which keeps its --size)")
    boolean presenter;

    @Option(names = "--help-window", description = "write a picture of the Help window instead, opened over the lab "
            + "at the lab's section as F1 opens it")
    boolean helpWindow;

    @Option(names = "--scale", paramLabel = "K", defaultValue = "1",
            description = "pixels per logical pixel in the PNG: 2 renders the window as a HiDPI screen at output scale "
            + "2 shows it (canvases at device resolution); needs such a screen, e.g. Xvfb with java "
            + "-Dglass.gtk.uiScale=2 (default: ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--frame-stats", description = "print the FX thread's pulse intervals and update work while the "
            + "lab played (p50, p95, max in ms) and the heap in use afterwards")
    boolean frameStats;

    @Override
    public Integer call() {
        if (!LABS.contains(lab)) {
            throw new UserInputException("screenshot: unknown --lab '" + lab + "'; labs: " + String.join(", ", LABS));
        }
        if (!(runSeconds >= 0 && runSeconds <= 600)) {
            throw new UserInputException("screenshot: --run-seconds must be in 0..600, got " + runSeconds);
        }
        if (!(fontScale >= 0.7 && fontScale <= 3)) {
            throw new UserInputException("screenshot: --font-scale must be in 0.7..3, got " + fontScale);
        }
        double position;
        if (speed.equalsIgnoreCase("max")) {
            position = 5;
        } else {
            double s;
            try {
                s = Double.parseDouble(speed);
            } catch (NumberFormatException e) {
                throw new UserInputException("screenshot: --speed must be a number of steps per second or 'max', got '"
                        + speed + "'");
            }
            if (!(s >= 1 && s < 100_000)) {
                throw new UserInputException("screenshot: --speed must be in 1..99999 or 'max', got " + speed);
            }
            position = Math.log10(s);
        }
        java.util.regex.Matcher wh = java.util.regex.Pattern.compile("(\\d{1,5})x(\\d{1,5})")
                .matcher(size.toLowerCase(java.util.Locale.ROOT));
        if (!wh.matches()) {
            throw new UserInputException("screenshot: --size must be WIDTHxHEIGHT like 1280x800, got "
                    + mbrllab.core.text.TextLines.quote(size));
        }
        int width = Integer.parseInt(wh.group(1));
        int height = Integer.parseInt(wh.group(2));
        if (width < 640 || height < 480 || width > 7680 || height > 4320) {
            throw new UserInputException("screenshot: --size must be between 640x480 and 7680x4320, got " + size);
        }
        if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UserInputException("screenshot: --out must name a .png file, got " + out);
        }
        if (steps < 0 || steps > 100_000) {
            throw new UserInputException("screenshot: --steps must be in 0..100000, got " + steps);
        }
        if (!preset.isEmpty() && !preset.matches("[a-z0-9.-]+")) {
            throw new UserInputException("screenshot: --preset must be a preset name like figure-8.3, got '" + preset
                    + "'");
        }
        if (!preset.isEmpty() && Sessions.preset(preset + ".json").isEmpty()) {
            throw new UserInputException("screenshot: no preset '" + preset + "'; presets: " + String.join(", ",
                    Presets.list().stream().map(p -> p.file().replaceFirst("\\.json$", "")).toList()));
        }
        if (scale < 1 || scale > 4) {
            throw new UserInputException("screenshot: --scale must be in 1..4, got " + scale);
        }
        String display = System.getenv("DISPLAY");
        if (scale > 1 && (display == null || display.isBlank())) {
            throw new UserInputException("screenshot: --scale " + scale + " needs a display at output scale " + scale
                    + " (headless rendering is at scale 1): run it under xvfb-run with java -Dglass.gtk.uiScale="
                    + scale);
        }
        Outputs.toFile("screenshot", "--out", out); // checks the target before the window opens
        int code = Screenshots.take(new ScreenshotOptions(out, lab, runSeconds, position, width, height, fontScale,
                preset, steps, highContrast, frameStats, presenter, scale, helpWindow));
        if (code == 0) {
            System.out.println("wrote " + out);
        }
        return code;
    }
}
