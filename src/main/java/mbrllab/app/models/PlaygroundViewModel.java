package mbrllab.app.models;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.random.SplitMix64;

/**
 * State of the 1-D playground: the data generator, the points, which model is shown, and the latest fit. Every
 * change of the points or of the model shown asks for a refit; refits run on the background workers one at a
 * time, and requests that arrive meanwhile are coalesced into one refit on the newest points when the running one
 * ends. Results reach the FX thread through the {@link Dispatcher}. FX thread only, except where noted.
 */
final class PlaygroundViewModel {

    /** Largest number of points (the GP's cost grows with n^3). */
    static final int MAX_POINTS = 1000;

    private final Dispatcher dispatcher;
    private final Background background;
    private final ReadOnlyObjectWrapper<PlaygroundData> generator = new ReadOnlyObjectWrapper<>(this, "generator",
            PlaygroundData.defaults());
    private final ReadOnlyObjectWrapper<Dataset> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyLongWrapper dataVersion = new ReadOnlyLongWrapper(this, "dataVersion");
    private final ObjectProperty<ModelChoice> choice = new SimpleObjectProperty<>(this, "choice", ModelChoice.BOTH);
    private final BooleanProperty priorSamples = new SimpleBooleanProperty(this, "priorSamples", false);
    private final BooleanProperty posteriorSamples = new SimpleBooleanProperty(this, "posteriorSamples", true);
    private final BooleanProperty memberCurves = new SimpleBooleanProperty(this, "memberCurves", true);
    private final ReadOnlyObjectWrapper<PlaygroundFit> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long seed = 1;
    private Job running;
    private boolean pending;
    private SplitMix64 pointRng = new SplitMix64(1);

    /** One refit: what it fits and its cancel flag. */
    private static final class Job {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final long version;
        final boolean gp;
        final boolean ensemble;

        Job(long version, boolean gp, boolean ensemble) {
            this.version = version;
            this.gp = gp;
            this.ensemble = ensemble;
        }
    }

    PlaygroundViewModel(Dispatcher dispatcher, Background background) {
        this.dispatcher = dispatcher;
        this.background = background;
        choice.addListener((o, a, b) -> {
            if (running != null && ((running.ensemble && !b.shows(ModelKind.ENSEMBLE))
                    || (running.gp && !b.shows(ModelKind.GP)))) {
                abandon(); // it fits a model no longer shown: do not wait for it
            }
            requestFit();
        });
    }

    ReadOnlyObjectProperty<PlaygroundData> generatorProperty() {
        return generator.getReadOnlyProperty();
    }

    /** The points the models are fitted to (null when there are none). */
    ReadOnlyObjectProperty<Dataset> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** Grows by one whenever the points change. */
    ReadOnlyLongProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    ObjectProperty<ModelChoice> choiceProperty() {
        return choice;
    }

    BooleanProperty priorSamplesProperty() {
        return priorSamples;
    }

    BooleanProperty posteriorSamplesProperty() {
        return posteriorSamples;
    }

    BooleanProperty memberCurvesProperty() {
        return memberCurves;
    }

    /** The latest finished fit (possibly of older points while a refit runs). */
    ReadOnlyObjectProperty<PlaygroundFit> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** Fraction of the running refit done, 0 to 1. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the playground is doing, or why it cannot. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    long seed() {
        return seed;
    }

    void setSeed(long newSeed) {
        this.seed = newSeed;
    }

    /** Replaces the generator and draws its points from the seed. */
    void setGenerator(PlaygroundData newGenerator) {
        generator.set(newGenerator);
        newData();
    }

    /** Fresh points from the generator and the seed (Reset). */
    void newData() {
        pointRng = new SplitMix64(SplitMix64.streamSeed(seed, 100));
        setPoints(generator.get().sample(pointRng));
    }

    /** Adds the point (x, y). */
    void addPoint(double x, double y) {
        Dataset d = points.get();
        if (d != null && d.size() >= MAX_POINTS) {
            message.set("At most " + MAX_POINTS + " points; remove some first");
            return;
        }
        double[] xs = d == null ? new double[0] : d.inputs();
        double[] ys = d == null ? new double[0] : d.targets();
        double[] nx = java.util.Arrays.copyOf(xs, xs.length + 1);
        double[] ny = java.util.Arrays.copyOf(ys, ys.length + 1);
        nx[xs.length] = x;
        ny[ys.length] = y;
        setPoints(Dataset.of1d(nx, ny));
    }

    /** Adds one point drawn from the generator (the Step action). */
    void addRandomPoint() {
        double x = generator.get().input(pointRng);
        addPoint(x, generator.get().noisyTarget(x, pointRng));
    }

    /** Removes point i. */
    void removePoint(int i) {
        Dataset d = points.get();
        if (d == null || i < 0 || i >= d.size()) {
            return;
        }
        if (d.size() == 1) {
            setPoints(null);
            return;
        }
        int[] keep = new int[d.size() - 1];
        for (int k = 0, j = 0; k < d.size(); k++) {
            if (k != i) {
                keep[j++] = k;
            }
        }
        setPoints(d.select(keep));
    }

    void clearPoints() {
        setPoints(null);
    }

    private void setPoints(Dataset d) {
        points.set(d);
        dataVersion.set(dataVersion.get() + 1);
        requestFit();
    }

    /** Stops the running refit without a message, so that a new one can start. */
    private void abandon() {
        running.cancelled.set(true);
        running = null;
        fitting.set(false);
    }

    /** Stops the running refit; the chart keeps the last finished fit. */
    void cancelFit() {
        if (running != null) {
            running.cancelled.set(true);
            running = null;
        }
        pending = false;
        if (fitting.get()) {
            fitting.set(false);
            message.set("Refit cancelled; the chart shows the last finished fit");
        }
    }

    /** Stops the background work (lab switch, window close). */
    void shutdown() {
        cancelFit();
    }

    /** Asks for a fit of the shown models to the current points; coalesced with a running one. */
    void requestFit() {
        if (running != null) {
            pending = true;
            return;
        }
        Dataset d = points.get();
        PlaygroundFit last = fit.get();
        long version = dataVersion.get();
        if (d == null) {
            fit.set(new PlaygroundFit(version, null, null, null));
            message.set("No points: click in the chart to add some");
            return;
        }
        ModelChoice shown = choice.get();
        boolean same = last != null && last.dataVersion() == version;
        boolean needGp = shown.shows(ModelKind.GP) && !(same && last.gp() != null);
        boolean needEnsemble = shown.shows(ModelKind.ENSEMBLE) && !(same && last.ensemble() != null);
        if (!needGp && !needEnsemble) {
            return;
        }
        ModelCurves keepGp = same ? last.gp() : null;
        ModelCurves keepEnsemble = same ? last.ensemble() : null;
        Job job = new Job(version, needGp, needEnsemble);
        running = job;
        fitting.set(true);
        progress.set(0);
        message.set("Fitting " + (needGp && needEnsemble ? "the GP and the ensemble"
                : needGp ? "the GP" : "the ensemble") + " to " + d.size() + " points");
        PlaygroundData gen = generator.get();
        long s = seed;
        int members = mbrllab.core.models.ensemble.EnsembleSpec.playground().members();
        AtomicInteger steps = new AtomicInteger();
        int total = (needGp ? 1 : 0) + (needEnsemble ? members : 0);
        background.workers().execute(() -> {
            try {
                if (job.cancelled.get()) {
                    return;
                }
                ModelCurves gp = keepGp;
                ModelCurves ensemble = keepEnsemble;
                if (needGp) {
                    gp = PlaygroundFitter.fitGp(d, gen, s);
                    reportProgress(job, steps.incrementAndGet() / (double) total);
                    if (needEnsemble) { // show the GP while the ensemble trains
                        PlaygroundFit partial = new PlaygroundFit(job.version, d, gp, keepEnsemble);
                        dispatcher.post(List.of(job, "partial"), () -> {
                            if (running == job) {
                                fit.set(partial);
                            }
                        });
                    }
                }
                if (needEnsemble) {
                    ensemble = PlaygroundFitter.fitEnsemble(d, gen, s, job.cancelled::get,
                            done -> reportProgress(job, steps.incrementAndGet() / (double) total));
                }
                PlaygroundFit result = new PlaygroundFit(job.version, d, gp, ensemble);
                dispatcher.post(job, () -> finished(job, result, null));
            } catch (CancellationException e) {
                dispatcher.post(job, () -> finished(job, null, null));
            } catch (RuntimeException e) {
                dispatcher.post(job, () -> finished(job, null, "The fit failed: " + e.getMessage()));
            }
        });
    }

    private void reportProgress(Job job, double fraction) {
        dispatcher.post(List.of(job, "progress"), () -> {
            if (running == job) {
                progress.set(fraction);
            }
        });
    }

    private void finished(Job job, PlaygroundFit result, String error) {
        if (running != job) {
            return; // cancelled: its result is not wanted
        }
        running = null;
        fitting.set(false);
        if (result != null) {
            fit.set(result);
            message.set(String.format(Locale.ROOT, "Fitted to %d points", result.data().size()));
        } else if (error != null) {
            message.set(error);
        }
        if (pending || (result != null && result.dataVersion() != dataVersion.get())) {
            pending = false;
            requestFit();
        } else if (result != null) {
            requestFit(); // the shown model may have changed meanwhile; a no-op otherwise
        }
    }

    /** The playground's settings now, as a session saves them (the points as they are). */
    PlaygroundSettings settings() {
        return new PlaygroundSettings(generator.get(), choice.get(), priorSamples.get(), posteriorSamples.get(),
                memberCurves.get(), points.get(), true);
    }

    /** Applies a session's settings with the lab's seed: the saved points if there are any, else fresh ones. */
    void apply(PlaygroundSettings s, long newSeed) {
        cancelFit();
        seed = newSeed;
        generator.set(s.generator());
        priorSamples.set(s.prior());
        posteriorSamples.set(s.posterior());
        memberCurves.set(s.members());
        pointRng = new SplitMix64(SplitMix64.streamSeed(seed, 100));
        Dataset d = s.hasData() ? s.data() : generator.get().sample(pointRng);
        if (choice.get() != s.choice()) {
            points.set(d);
            dataVersion.set(dataVersion.get() + 1);
            choice.set(s.choice()); // asks for the fit
        } else {
            setPoints(d);
        }
    }
}
