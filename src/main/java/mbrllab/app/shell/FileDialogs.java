package mbrllab.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for files and folders. The app uses the system's dialogs ({@link #SYSTEM}); UI tests put in
 * their own answers, since no robot can drive a native dialog.
 */
public interface FileDialogs {

    /** A file to write, with {@code extension} (e.g. "png") suggested. */
    Optional<Path> save(Window owner, String title, String initialName, String extension);

    /** A file to read with {@code extension}. */
    Optional<Path> open(Window owner, String title, String extension);

    /** A folder. */
    Optional<Path> folder(Window owner, String title);

    /** The system's file dialogs. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public Optional<Path> save(Window owner, String title, String initialName, String extension) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                    "*." + extension));
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        }

        @Override
        public Optional<Path> open(Window owner, String title, String extension) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                    "*." + extension));
            File file = chooser.showOpenDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        }

        @Override
        public Optional<Path> folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File dir = chooser.showDialog(owner);
            return Optional.ofNullable(dir).map(File::toPath);
        }
    };
}
