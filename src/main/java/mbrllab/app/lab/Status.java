package mbrllab.app.lab;

/** The shell's status bar as a lab sees it: a message, and progress with Cancel for long work. FX thread only. */
public interface Status {

    void setMessage(String text);

    /** Shows progress in [0, 1] with a text, and what Cancel does (null: no Cancel button). */
    void showProgress(double fraction, String text, Runnable cancel);

    void hideProgress();

    /**
     * From now on shows a live experiment's progress (with Cancel) while it runs, and its messages (but empty ones).
     */
    default void follow(LiveExperiment<?> experiment) {
        Runnable show = () -> {
            if (experiment.runningProperty().get()) {
                showProgress(experiment.progressProperty().get(), experiment.progressText(), experiment::cancel);
            } else {
                hideProgress();
            }
        };
        experiment.runningProperty().addListener((o, a, b) -> show.run());
        experiment.progressProperty().addListener((o, a, b) -> show.run());
        experiment.messageProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                setMessage(b);
            }
        });
        show.run();
    }
}
