package mbrllab.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code screenshot} command asks of the window: which lab, how long to let it run, at what speed,
 * the window size, the font scale, and where to write the PNG.
 *
 * @param out        the PNG to write
 * @param lab        lab id, e.g. "dyna-maze"
 * @param runSeconds seconds to let the lab play before the picture
 * @param speed      speed slider position (log10 steps per second; 5 = as fast as possible)
 * @param width      window width in pixels
 * @param height     window height in pixels
 * @param fontScale  text scale, 1 = normal
 * @param preset     preset file stem under resources/presets to apply first ("" for none: reset and play)
 * @param steps      times to press Step after the preset
 * @param highContrast the high-contrast theme
 * @param frameStats   print frame statistics and heap use after the run
 * @param presenter    presenter mode (the window keeps its size)
 * @param scale        pixels per logical pixel in the PNG (1, or 2 on a screen whose output scale is 2: a HiDPI render)
 * @param helpWindow   picture the Help window instead, opened over the lab at its section (as F1 does)
 */
public record ScreenshotOptions(Path out, String lab, double runSeconds, double speed, int width, int height,
                                double fontScale, String preset, int steps, boolean highContrast, boolean frameStats,
                                boolean presenter, int scale, boolean helpWindow) {

    /** The raw application arguments that carry these options. */
    public List<String> toArgs() {
        return List.of("--screenshot", out.toString(), "--lab", lab, "--run-seconds", Double.toString(runSeconds),
                "--speed", Double.toString(speed), "--width", Integer.toString(width), "--height",
                Integer.toString(height), "--font-scale", Double.toString(fontScale), "--preset", preset.isEmpty() ? "-"
                : preset, "--steps", Integer.toString(steps), "--high-contrast", Boolean.toString(highContrast),
                "--frame-stats", Boolean.toString(frameStats), "--presenter", Boolean.toString(presenter), "--scale",
                Integer.toString(scale), "--help-window", Boolean.toString(helpWindow));
    }

    /** Reads options written by {@link #toArgs()}; null when the app was started normally. */
    static ScreenshotOptions parse(List<String> raw) {
        if (!raw.contains("--screenshot")) {
            return null;
        }
        return new ScreenshotOptions(Path.of(value(raw, "--screenshot")), value(raw, "--lab"),
                Double.parseDouble(value(raw, "--run-seconds")), Double.parseDouble(value(raw, "--speed")),
                Integer.parseInt(value(raw, "--width")), Integer.parseInt(value(raw, "--height")),
                Double.parseDouble(value(raw, "--font-scale")), value(raw, "--preset").equals("-") ? ""
                : value(raw, "--preset"), Integer.parseInt(value(raw, "--steps")),
                Boolean.parseBoolean(value(raw, "--high-contrast")), Boolean.parseBoolean(value(raw, "--frame-stats")),
                Boolean.parseBoolean(value(raw, "--presenter")), Integer.parseInt(value(raw, "--scale")),
                Boolean.parseBoolean(value(raw, "--help-window")));
    }

    private static String value(List<String> raw, String key) {
        int i = raw.indexOf(key);
        if (i < 0 || i + 1 >= raw.size()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return raw.get(i + 1);
    }
}
