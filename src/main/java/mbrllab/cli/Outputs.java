package mbrllab.cli;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import mbrllab.io.AtomicFiles;

/**
 * The files one command writes, as one unit. Created at the start of the command, it checks the output target
 * given by the user (not empty, a folder where a folder is expected, writable) before any long computation; the
 * command then adds its files and {@link #commit()}s them together with {@link AtomicFiles#writeAll}: all are
 * written to temporary files first and renamed onto their targets only when all are written, so a failure leaves
 * every earlier file as it was. New files get mode 0666 minus the umask, replaced files keep their mode, and a
 * symbolic link's target is written through. Every failure is a {@link UserInputException} with exit code 2 and
 * the reason.
 *
 * <pre>
 * Outputs out = Outputs.inFolder("figure 8.2", "--out", dir, "figure-8.2.csv", "figure-8.2.png");
 * ... compute ...
 * out.csv("figure-8.2.csv", curves.toCsv()).png("figure-8.2.png", chart, 900, 560).commit();
 * </pre>
 *
 * CSV text is checked before it is written: a NaN or an infinity in it is a bug (the commands refuse the inputs
 * that would lead there, with the input's place), reported as such, and nothing is written.
 */
final class Outputs {

    private final String command;
    private final Path folder;
    private final Map<Path, byte[]> files = new LinkedHashMap<>();

    private Outputs(String command, Path folder) {
        this.command = command;
        this.folder = folder;
    }

    /**
     * Output into a folder (created if missing; a symbolic link to a missing folder is written through: the folder
     * it names is created), checked now: the option's value is not empty and not a file, the folder (or its nearest
     * existing parent) is writable, and none of {@code names} is a folder there.
     *
     * @param command the command's name for messages, e.g. "figure 8.2"
     * @param option  the option that named the folder, e.g. "--out"
     * @param names   the files the command will write there (checked now; others may be added later)
     * @throws UserInputException (exit 2) with the reason
     */
    static Outputs inFolder(String command, String option, Path given, String... names) {
        CommandSupport.requireNotEmpty(command, option, given, "use . for the current folder");
        Path dir = given;
        if (Files.isSymbolicLink(given) && !Files.exists(given)) {
            try {
                dir = AtomicFiles.throughLinks(given); // a link to a folder that is not there yet: create it
            } catch (IOException e) {
                throw new UserInputException(command + ": " + option + " " + given + ": " + e.getMessage());
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(command + ": " + option + " " + dir + " is a file; expected a folder");
        }
        requireWritable(command, option, dir);
        for (String name : names) {
            if (Files.isDirectory(dir.resolve(name))) {
                throw new UserInputException(command + ": cannot write " + dir.resolve(name) + ": it is a folder");
            }
        }
        return new Outputs(command, dir);
    }

    /**
     * Output to one file given by an option, checked now: not empty, not a folder, its folder writable.
     *
     * @throws UserInputException (exit 2) with the reason
     */
    static Outputs toFile(String command, String option, Path file) {
        CommandSupport.requireNotEmpty(command, option, file, "name the file to write");
        if (Files.isDirectory(file)) {
            throw new UserInputException(command + ": " + option + " " + file + " is a folder; expected a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        requireWritable(command, option, parent);
        return new Outputs(command, parent);
    }

    /**
     * Refuses an output file that is an input of the same command (the same file, however named), which the write
     * would replace: the user's data would be lost.
     *
     * @throws UserInputException (exit 2) naming both options
     */
    static void requireNotInput(String command, String outOption, Path out, String inOption, Path in) {
        if (sameFile(out, in)) {
            throw new UserInputException(command + ": " + outOption + " " + out + " is the " + inOption + " file; "
                    + "writing there would replace it: choose another name");
        }
    }

    /**
     * Refuses a file given by an option that is one of the files the command writes into its output folder (the
     * later write would replace the earlier within one unit).
     *
     * @param folder  the command's output folder
     * @param ours    whether a file name in the folder is one the command writes
     * @param list    those names, for the message
     * @throws UserInputException (exit 2)
     */
    static void requireNotOurs(String command, String option, Path file, Path folder,
                               java.util.function.Predicate<String> ours, String list) {
        Path name = file.getFileName();
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (name == null || parent == null || !ours.test(name.toString())) {
            return;
        }
        Path dir = folder.toAbsolutePath().normalize();
        if (parent.equals(dir) || sameFile(parent, dir)) {
            throw new UserInputException(command + ": " + option + " " + file + " is one of the files written into "
                    + dir + " (" + list + "): choose another name");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // cannot tell: the write will say what goes wrong
        }
    }

    /** The folder, or its nearest existing parent, must be a writable folder. */
    private static void requireWritable(String command, String option, Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return; // nothing exists, not even the root: the write will say why
        }
        if (!Files.isDirectory(existing)) {
            throw new UserInputException(command + ": cannot write into " + dir + ": " + existing
                    + " is a file, not a folder");
        }
        String where = existing.equals(dir.toAbsolutePath()) ? dir.toString() : existing + " (to create " + dir + ")";
        if (!Files.isWritable(existing)) {
            throw new UserInputException(command + ": cannot write into " + where + ": permission denied");
        }
        // The mode does not tell it all: root may write by any mode, yet /proc and /sys refuse new files, and a
        // read-only mount refuses them to everyone. A file made and deleted now says so before the work (accelerate
        // had computed for 8 minutes before it found that it could not write into /proc/x).
        try {
            Files.delete(Files.createTempFile(existing, ".mbrl-lab-", ".probe"));
        } catch (java.nio.file.NoSuchFileException e) {
            // the folder is there (checked above), yet a new file in it is "not found": /proc, /sys
            throw new UserInputException(command + ": cannot write into " + where + ": " + existing
                    + " does not take new files");
        } catch (IOException e) {
            throw new UserInputException(command + ": cannot write into " + where + ": " + AtomicFiles.reason(e));
        }
    }

    /** {@code name} in the output folder. */
    Path file(String name) {
        return folder.resolve(name);
    }

    /**
     * Adds a CSV (UTF-8) to the unit.
     *
     * @throws IllegalStateException when a field is NaN or infinite (a bug: nothing is written)
     */
    Outputs csv(Path file, String text) {
        checkFinite(file, text);
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a text file (UTF-8) that is not CSV, e.g. JSON, to the unit (no check of its numbers). */
    Outputs text(Path file, String text) {
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds {@code name} in the output folder as CSV. */
    Outputs csv(String name, String text) {
        return csv(file(name), text);
    }

    /** Adds a chart as a PNG of {@code width} x {@code height} pixels. */
    Outputs png(Path file, JFreeChart chart, int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, width, height);
            files.put(file, png.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot draw " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Adds {@code name} in the output folder as a chart PNG. */
    Outputs png(String name, JFreeChart chart, int width, int height) {
        return png(file(name), chart, width, height);
    }

    /** Adds an image as a PNG. */
    Outputs png(Path file, RenderedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            files.put(file, png.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot draw " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The files added so far, in order. */
    List<Path> paths() {
        return new ArrayList<>(files.keySet());
    }

    /**
     * Writes every file added, as one unit.
     *
     * @throws UserInputException (exit 2) with the target and the reason; no target has changed then (unless the
     *                            message says which were already replaced or written)
     */
    void commit() {
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException e) {
            String message = e.getMessage();
            throw new UserInputException(command + ": " + message + (message.contains("(already ") ? ""
                    : "; nothing was written"));
        }
    }

    /** Refuses a CSV with a field "NaN", "Infinity" or "-Infinity". */
    static void checkFinite(Path file, String csv) {
        if (!csv.contains("NaN") && !csv.contains("Infinity")) {
            return;
        }
        String[] lines = csv.split("\n", -1);
        String[] header = lines[0].split(",", -1);
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            for (int c = 0; c < fields.length; c++) {
                String f = fields[c].strip();
                if (f.equals("NaN") || f.endsWith("Infinity")) {
                    throw new IllegalStateException("the result is not finite: " + file + " line " + (i + 1)
                            + ", column " + (c < header.length ? header[c] : c + 1) + " would be " + f);
                }
            }
        }
    }
}
