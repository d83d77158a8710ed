package mbrllab.app.export;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * One view that can be exported: as a PNG at twice its size on screen, as SVG, and as the data behind it
 * in CSV. The suppliers run on the FX thread (they read what the view shows) and return finished content.
 *
 * @param name  file-name stem, e.g. "maze-n5" or "learning-curves"
 * @param title shown in menus
 * @param png2x the picture at 2x scale
 * @param svg   the picture as an SVG document
 * @param csv   the data, with a header line
 */
public record ExportTarget(String name, String title, Supplier<BufferedImage> png2x, Supplier<String> svg,
                           Supplier<String> csv) {
}
