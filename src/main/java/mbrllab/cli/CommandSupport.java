package mbrllab.cli;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import mbrllab.io.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * What the commands share: writing their files (atomically, a failure reported as exit code 1), their worker
 * pools, and the options of the commands that average seeded runs ({@link RunOptions}).
 */
final class CommandSupport {

    /** Most worker threads a command accepts. */
    static final int MAX_THREADS = 1024;

    private CommandSupport() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, atomically. */
    static void writeText(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    /** Writes {@code chart} as a PNG of {@code width} x {@code height} pixels to {@code file}, atomically. */
    static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, width, height);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    /** Writes {@code image} as a PNG to {@code file}, atomically. */
    static void writePng(RenderedImage image, Path file) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    /**
     * The number of worker threads: {@code requested}, or one per core when null.
     *
     * @param command prefix of the error message, e.g. {@code "models fit: "} (may be empty)
     * @throws UserInputException when it is not in 1..1024
     */
    static int threads(String command, Integer requested) {
        int t = requested == null ? Runtime.getRuntime().availableProcessors() : requested;
        if (t < 1 || t > MAX_THREADS) {
            throw new UserInputException(command + "--threads must be in 1.." + MAX_THREADS + ", got " + t);
        }
        return t;
    }

    /**
     * A fixed pool of daemon threads (so that a command that fails cannot keep the JVM alive); the caller shuts it
     * down. Results never depend on the number of threads: every task has its own seed.
     */
    static ExecutorService pool(int threads, String threadName) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Options of the commands that average R seeded runs and write into a folder (figures, {@code cartpole learn}). */
    static final class RunOptions {
        @Option(names = "--runs", paramLabel = "R", defaultValue = "30",
                description = "independent runs, 1..10000 (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "master seed; the same seed gives the same files bit for bit (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "output folder, created if missing (default: the current folder)")
        Path out;

        @Option(names = "--threads", paramLabel = "T",
                description = "worker threads (default: one per core); the result does not depend on it")
        Integer threads;

        /** A pool of {@code --threads} workers. */
        ExecutorService pool() {
            return CommandSupport.pool(threads("", threads), "figure-worker");
        }
    }
}
