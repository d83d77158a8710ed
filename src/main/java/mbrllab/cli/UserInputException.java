package mbrllab.cli;

/** A problem with what the user gave (a file, a value): printed as one line, without a stack trace. */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserInputException(String message) {
        this(message, Cli.USAGE);
    }

    public UserInputException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
