package mbrllab.app.shell;

import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import mbrllab.app.Background;
import mbrllab.app.FxDispatcher;
import mbrllab.app.controls.TextMeasure;
import mbrllab.app.lab.Lab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.MazeHolder;
import mbrllab.app.lab.Presenter;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.Status;
import mbrllab.app.render.GlyphLayoutPin;

/**
 * The one window: menus, the lab's run controls in a toolbar, the navigation of labs on the left, the open lab
 * in the middle and a status bar with progress and cancel for long work. Owns the keyboard shortcuts
 * (Space play/pause, Right step, Ctrl+R reset, Ctrl+plus/minus text scale, Ctrl+1 to Ctrl+7 labs, F11 presenter mode,
 * F1 help) and the classroom settings (text scale, high contrast, presenter mode), which it keeps in
 * {@link ClassroomSettings} across restarts.
 *
 * <p>Presenter mode (F11, the toolbar's Presenter button, {@code screenshot --presenter}) folds the lab list into the
 * Labs menu and the toolbar's lab button, and tells the labs' shared layouts through {@link Presenter}: their side
 * panels fold into drawers and the pictures and charts take the room. With F11 and the button the window also goes
 * full screen.
 */
public final class Shell {

    /** Base font size in pixels at scale 1. */
    static final double BASE_FONT = 13;

    private final Stage stage;
    private final FxDispatcher dispatcher;
    private final Background background;
    private final BorderPane root = new BorderPane();
    private final ToolBar toolbar = new ToolBar();
    private final ListView<LabEntry> navigation = new ListView<>();
    private final StatusBar statusBar = new StatusBar();
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    private final CheckMenuItem highContrast = new CheckMenuItem("High contrast");
    private final Presenter presenter = new Presenter();
    private final ToggleButton presenterButton = new ToggleButton("Presenter");
    private final MenuButton labsButton = new MenuButton();
    private final Menu presetsMenu = new Menu("Presets");
    private final List<Presets.Preset> presetList = Presets.list();
    private final ClassroomSettings settings;
    private boolean fullScreenFollowsPresenter = true;
    private Lab current;
    private HelpWindow help;
    /** The maze editors open (they follow the text size and theme; quitting asks those with unkept changes). */
    private final List<mbrllab.app.editor.MazeEditor> editors = new java.util.ArrayList<>();
    private LabEntry currentEntry;
    private FileDialogs dialogs = FileDialogs.SYSTEM;
    private String lastError;

    /** A shell whose classroom settings start at the defaults and are not remembered (UI tests). */
    public Shell(Stage stage, List<LabEntry> labs, FxDispatcher dispatcher, Background background) {
        this(stage, labs, dispatcher, background, ClassroomSettings.inMemory());
    }

    /** A shell that starts with the saved classroom settings and saves every change of them. */
    public Shell(Stage stage, List<LabEntry> labs, FxDispatcher dispatcher, Background background,
                 ClassroomSettings settings) {
        GlyphLayoutPin.install();
        this.stage = stage;
        // closing the main window closes the maze editors with it: those with unkept changes ask first
        stage.setOnCloseRequest(e -> {
            if (!editorsMayClose()) {
                e.consume();
            }
        });
        this.dispatcher = dispatcher;
        this.background = background;
        this.settings = settings;
        root.getStyleClass().add("shell");
        root.setId("shell");
        presenter.attachTo(root);
        navigation.setId("labNavigation");
        navigation.getItems().setAll(labs);
        // A long name wraps at a space ("Models (GP" over "vs ensemble)"), so the list stays narrow at large text.
        navigation.setCellFactory(v -> {
            javafx.scene.control.ListCell<LabEntry> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(LabEntry item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.name());
                }
            };
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            return cell;
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                open(b);
            }
        });
        toolbar.setId("runToolbar");
        ToolbarOverflow.keepUpToDate(toolbar);
        presenterButton.setId("presenterButton");
        presenterButton.setTooltip(new Tooltip("Presenter mode (F11): the lab list and the options fold away and the "
                + "pictures take the screen"));
        presenterButton.setOnAction(e -> setPresenterFromUser(presenterButton.isSelected()));
        presenterButton.setMinWidth(Region.USE_PREF_SIZE);
        labsButton.setId("labsButton");
        labsButton.setTooltip(new Tooltip("Open another lab (Ctrl+1 to Ctrl+" + Math.min(9, labs.size()) + ")"));
        labsButton.setMinWidth(Region.USE_PREF_SIZE);
        for (LabEntry entry : labs) {
            MenuItem item = new MenuItem(entry.name());
            item.setOnAction(e -> select(entry.id()));
            labsButton.getItems().add(item);
        }
        root.setTop(new VBox(menuBar(labs), toolbar));
        root.setLeft(navigation);
        root.setBottom(statusBar.view());
        fontScale.set(settings.fontScale());
        highContrast.setSelected(settings.highContrast());
        presenter.onProperty().set(settings.presenter());
        fontScale.addListener((o, a, b) -> {
            settings.setFontScale(b.doubleValue());
            applyFontScale();
        });
        highContrast.selectedProperty().addListener((o, a, b) -> {
            settings.setHighContrast(b);
            applyHighContrast();
        });
        presenter.onProperty().addListener((o, a, b) -> {
            settings.setPresenter(b);
            applyPresenter();
        });
        root.widthProperty().addListener((o, a, b) -> fitNavigation());
        applyFontScale();
        applyHighContrast();
        applyPresenter();
        // the lab open when the app last closed, else the first
        if (!labs.isEmpty() && !settings.lastLab().map(this::select).orElse(false)) {
            navigation.getSelectionModel().select(0);
        }
    }

    public BorderPane view() {
        return root;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    /** Presenter mode: the lab list folded away, side panels in drawers, the pictures taking the room. */
    public BooleanProperty presenterProperty() {
        return presenter.onProperty();
    }

    /** Sets presenter mode; F11 and the toolbar button also take the window to full screen and back. */
    public void setPresenter(boolean on) {
        presenter.onProperty().set(on);
    }

    /**
     * Whether F11 and the Presenter button also switch full screen (default true). The screenshot command and the
     * UI tests keep their window size and turn this off.
     */
    public void setFullScreenFollowsPresenter(boolean follows) {
        this.fullScreenFollowsPresenter = follows;
    }

    /** The saved classroom settings this shell reads and writes. */
    public ClassroomSettings settings() {
        return settings;
    }

    /** Replaces the file dialogs (UI tests answer them without a native dialog). */
    public void setFileDialogs(FileDialogs newDialogs) {
        this.dialogs = newDialogs;
    }

    /** The lab on show, or null. */
    public Lab currentLab() {
        return current;
    }

    /** The id of the open lab ("dyna-maze"), or null before one is open. */
    public String currentLabId() {
        return currentEntry == null ? null : currentEntry.id();
    }

    /** Opens the lab with this id; false if there is none. */
    public boolean select(String labId) {
        for (LabEntry entry : navigation.getItems()) {
            if (entry.id().equals(labId)) {
                navigation.getSelectionModel().select(entry);
                return true;
            }
        }
        return false;
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (current != null && !(scene.getFocusOwner() instanceof TextInputControl)
                    && current.controls().keys().test(e)) {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (current == null) {
                return;
            }
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl;
            if (!typing && current.controls().keys().test(e)) {
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && !typing && !e.isShortcutDown()) {
                current.controls().playPause().run();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && !typing && !(focus instanceof Slider) && !e.isShortcutDown()) {
                current.controls().step().run();
                e.consume();
            }
        });
    }

    private void open(LabEntry entry) {
        if (current != null) {
            current.dispose();
        }
        statusBar.hideProgress();
        current = entry.open().apply(new LabContext(dispatcher, background, statusBar));
        currentEntry = entry;
        settings.setLastLab(entry.id());
        labsButton.setText(entry.name());
        fillPresets(navigation.getItems());
        fillToolbar();
        root.setCenter(current.view());
        current.setPresenter(presenter.isOn());
        current.view().setOnContextMenuRequested(e -> {
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
            menu.getItems().setAll(exportItems());
            menu.show(current.view(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        stage.setTitle("MBRL Lab: " + entry.name());
        statusBar.setMessage(entry.description());
        applyFontScale();
        applyHighContrast();
    }

    /** Stops the open lab's background work. */
    public void dispose() {
        if (current != null) {
            current.dispose();
        }
    }

    /** The shell's own items (Presenter, and in presenter mode the lab button), then the lab's run controls. */
    private void fillToolbar() {
        List<Node> items = new java.util.ArrayList<>(List.of(presenterButton, labsButton,
                new Separator(Orientation.VERTICAL)));
        if (current != null) {
            items.addAll(current.toolbarItems());
        }
        toolbar.getItems().setAll(items);
    }

    private void setPresenterFromUser(boolean on) {
        presenter.onProperty().set(on);
        if (fullScreenFollowsPresenter && stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
    }

    private void applyPresenter() {
        boolean on = presenter.isOn();
        if (on) {
            if (!root.getStyleClass().contains("presenter")) {
                root.getStyleClass().add("presenter");
            }
        } else {
            root.getStyleClass().remove("presenter");
        }
        root.setLeft(on ? null : navigation);
        if (current != null) {
            current.setPresenter(on);
        }
        labsButton.setVisible(on);
        labsButton.setManaged(on);
        if (presenterButton.isSelected() != on) {
            presenterButton.setSelected(on);
        }
    }

    private MenuBar menuBar(List<LabEntry> labs) {
        MenuItem quit = new MenuItem("Quit");
        quit.setId("quitMenuItem");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            if (editorsMayClose()) {
                stage.close();
            }
        });
        MenuItem open = new MenuItem("Open session...");
        open.setId("openSessionItem");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> dialogs.open(stage, "Open session", "json").ifPresent(this::loadSession));
        MenuItem save = new MenuItem("Save session...");
        save.setId("saveSessionItem");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> dialogs.save(stage, "Save session", "session.json", "json").ifPresent(this::saveSession));
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.setOnShowing(e -> export.getItems().setAll(exportItems()));
        export.getItems().add(new MenuItem("(nothing to export)"));
        MenuItem exportAll = new MenuItem("Export all views to a folder...");
        exportAll.setId("exportAllItem");
        exportAll.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        exportAll.setOnAction(e -> exportAll());
        MenuItem openMaze = new MenuItem("Open maze file...");
        openMaze.setId("openMazeItem");
        openMaze.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        openMaze.setOnAction(e -> dialogs.open(stage, "Open maze", "maze").ifPresent(this::openMaze));
        MenuItem editor = new MenuItem("Maze editor...");
        editor.setId("mazeEditorItem");
        editor.setOnAction(e -> openEditor());
        Menu file = new Menu("File", null, open, save, new javafx.scene.control.SeparatorMenuItem(), openMaze, editor,
                new javafx.scene.control.SeparatorMenuItem(), export, exportAll,
                new javafx.scene.control.SeparatorMenuItem(), quit);
        presetsMenu.setId("presetsMenu");
        fillPresets(labs);

        MenuItem playPause = new MenuItem("Play / pause");
        playPause.setOnAction(e -> runIfOpen(c -> c.playPause().run()));
        MenuItem step = new MenuItem("Step");
        step.setOnAction(e -> runIfOpen(c -> c.step().run()));
        MenuItem reset = new MenuItem("Reset");
        reset.setId("resetMenuItem");
        reset.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        reset.setOnAction(e -> runIfOpen(c -> c.reset().run()));
        Menu run = new Menu("Run", null, playPause, step, reset);

        // Ctrl++ is Ctrl+Shift+= on most keyboards, Ctrl+= without Shift, or the keypad's plus: all of them work.
        MenuItem bigger = textScaleItem("Larger text", +0.1, KeyCode.PLUS, true);
        MenuItem smaller = textScaleItem("Smaller text", -0.1, KeyCode.MINUS, true);
        MenuItem normal = new MenuItem("Normal text size");
        normal.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        normal.setOnAction(e -> fontScale.set(1.0));
        CheckMenuItem presenterItem = new CheckMenuItem("Presenter mode (full screen)");
        presenterItem.setId("presenterItem");
        presenterItem.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        presenterItem.setSelected(presenter.isOn());
        presenterItem.setOnAction(e -> setPresenterFromUser(presenterItem.isSelected()));
        presenter.onProperty().addListener((o, a, b) -> presenterItem.setSelected(b));
        highContrast.setId("highContrastItem");
        Menu view = new Menu("View", null, bigger, smaller, normal, new SeparatorMenuItem(), presenterItem,
                highContrast);
        view.getItems().addAll(textScaleItem("Larger text (Ctrl+=)", +0.1, KeyCode.EQUALS, false),
                textScaleItem("Larger text (keypad)", +0.1, KeyCode.ADD, false),
                textScaleItem("Smaller text (keypad)", -0.1, KeyCode.SUBTRACT, false));

        Menu labsMenu = new Menu("Labs");
        labsMenu.setId("labsMenu");
        for (int i = 0; i < labs.size(); i++) {
            LabEntry entry = labs.get(i);
            MenuItem item = new MenuItem(entry.name());
            item.setId("labItem-" + entry.id());
            if (i < 9) {
                item.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                        KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> select(entry.id()));
            labsMenu.getItems().add(item);
        }

        MenuItem help = new MenuItem("Help and keyboard shortcuts");
        help.setId("helpMenuItem");
        help.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        help.setOnAction(e -> showHelp());
        Menu helpMenu = new Menu("Help", null, help);
        MenuBar bar = new MenuBar(file, labsMenu, presetsMenu, run, view, helpMenu);
        bar.setId("menuBar");
        return bar;
    }

    /**
     * The Presets menu: the open lab's presets, then one submenu per other lab that has presets, in the labs' order
     * (27 presets in one list were taller than a 1024 x 768 screen at text 1.5).
     */
    private void fillPresets(List<LabEntry> labs) {
        String here = currentLabId();
        List<MenuItem> items = new java.util.ArrayList<>();
        presetList.stream().filter(p -> p.lab().equals(here)).map(this::presetItem).forEach(items::add);
        List<MenuItem> others = new java.util.ArrayList<>();
        for (LabEntry entry : labs) {
            if (entry.id().equals(here)) {
                continue;
            }
            Menu sub = new Menu(entry.name());
            sub.setId("presetsOf-" + entry.id());
            presetList.stream().filter(p -> p.lab().equals(entry.id())).map(this::presetItem)
                    .forEach(sub.getItems()::add);
            if (!sub.getItems().isEmpty()) {
                others.add(sub);
            }
        }
        if (!items.isEmpty() && !others.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.addAll(others);
        presetsMenu.getItems().setAll(items);
    }

    private MenuItem presetItem(Presets.Preset preset) {
        MenuItem item = new MenuItem(preset.name());
        item.setId("preset-" + preset.file().replace(".json", "").replace('.', '-'));
        item.setOnAction(e -> applyPreset(preset));
        return item;
    }

    /**
     * A text-scale item for {@code key} with Ctrl, Shift pressed or not; a hidden one only carries its shortcut (the
     * menu shows one line per direction).
     */
    private MenuItem textScaleItem(String text, double delta, KeyCode key, boolean shown) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY));
        item.setOnAction(e -> changeFontScale(delta));
        item.setVisible(shown);
        return item;
    }

    /** The export entries of the open lab: one submenu per view with PNG (2x), SVG and CSV. */
    private List<MenuItem> exportItems() {
        List<MenuItem> items = new java.util.ArrayList<>();
        if (current == null) {
            return items;
        }
        for (mbrllab.app.export.ExportTarget target : current.exportTargets()) {
            Menu menu = new Menu(target.title());
            for (mbrllab.app.export.Exports.Kind kind : mbrllab.app.export.Exports.Kind.values()) {
                String label = switch (kind) {
                    case PNG -> "PNG image (2x)...";
                    case SVG -> "SVG drawing...";
                    case CSV -> "Data as CSV...";
                };
                MenuItem item = new MenuItem(label);
                item.setOnAction(e -> dialogs.save(stage, "Export " + target.title(), target.name() + "."
                        + kind.extension(), kind.extension()).ifPresent(path -> exportOne(target, kind, path)));
                menu.getItems().add(item);
            }
            items.add(menu);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(nothing to export in this lab)");
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    private void exportOne(mbrllab.app.export.ExportTarget target, mbrllab.app.export.Exports.Kind kind,
                           java.nio.file.Path path) {
        try {
            mbrllab.app.export.Exports.write(target, kind, path);
            statusBar.setMessage("Exported " + target.title() + " to " + path);
        } catch (java.io.IOException | RuntimeException ex) {
            showError("Export failed", "Could not write " + path + ": " + ex.getMessage());
        }
    }

    /** Asks for a folder and writes every view of the open lab into it as PNG, SVG and CSV. */
    public void exportAll() {
        if (current == null) {
            return;
        }
        dialogs.folder(stage, "Export all views to a folder").ifPresent(dir -> {
            try {
                List<java.nio.file.Path> files = mbrllab.app.export.Exports.writeAll(current.exportTargets(),
                        dir);
                statusBar.setMessage("Exported " + files.size() + " files to " + dir);
            } catch (java.io.IOException | RuntimeException ex) {
                showError("Export failed", "Could not write into " + dir + ": " + ex.getMessage());
            }
        });
    }

    /** Writes the open lab's settings to {@code path}. */
    public void saveSession(java.nio.file.Path path) {
        if (current == null || currentEntry == null) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode settings = current.session().map(SessionState::toSettings)
                .orElse(null);
        if (settings == null) {
            showError("Nothing to save", "The " + currentEntry.name() + " lab has no settings to save.");
            return;
        }
        try {
            Sessions.write(path, currentEntry.id(), settings);
            statusBar.setMessage("Saved the session to " + path);
        } catch (java.io.IOException | RuntimeException ex) {
            showError("Saving failed", "Could not write " + path + ": " + ex.getMessage());
        }
    }

    /** Reads a session file and applies it; a bad file changes nothing and says why. */
    public void loadSession(java.nio.file.Path path) {
        Sessions.Session session;
        try {
            session = Sessions.read(path);
        } catch (Sessions.SessionException ex) {
            showError("Cannot open the session", ex.getMessage());
            return;
        }
        apply(session, path.toString());
    }

    /** Applies the preset in resources/presets/{@code file}; false when there is none. */
    public boolean applyPresetFile(String file) {
        for (Presets.Preset preset : presetList) {
            if (preset.file().equals(file)) {
                applyPreset(preset);
                return true;
            }
        }
        return false;
    }

    /** Switches the high-contrast theme. */
    public void setHighContrast(boolean on) {
        highContrast.setSelected(on);
    }

    private void applyPreset(Presets.Preset preset) {
        Sessions.preset(preset.file()).ifPresent(session -> apply(session, "preset \"" + preset.name() + "\""));
    }

    private void apply(Sessions.Session session, String source) {
        if (!select(session.lab())) {
            showError("Cannot open the session", source + ": unknown lab \"" + session.lab() + "\"");
            return;
        }
        java.util.Optional<String> error = current.session().map(s -> s.applySettings(session.settings()))
                .orElse(java.util.Optional.of("this lab has no settings to load"));
        if (error.isPresent()) {
            showError("Cannot open the session", source + ": " + error.get());
        } else {
            statusBar.setMessage("Opened " + source);
        }
    }

    /** Reads a maze file and hands it to the open lab; a bad file is reported with file:line:col. */
    public void openMaze(java.nio.file.Path path) {
        if (current == null) {
            return;
        }
        mbrllab.core.maze.Maze maze;
        try {
            maze = mbrllab.io.MazeFiles.read(path);
        } catch (mbrllab.core.maze.MazeFormatException ex) {
            showError("Cannot open the maze", ex.getMessage());
            return;
        }
        java.util.Optional<String> error = current.mazes().map(m -> m.useMaze(maze))
                .orElse(java.util.Optional.of("this lab does not use a maze"));
        if (error.isPresent()) {
            showError("Cannot use the maze", path + ": " + error.get());
        } else {
            statusBar.setMessage("Opened the maze \"" + maze.name() + "\" from " + path
                    + current.mazes().flatMap(m -> m.leftOut(maze)).map(n -> " (" + n + ")").orElse(""));
        }
    }

    /** Opens the maze editor on the open lab's maze (or the Dyna-maze). */
    public mbrllab.app.editor.MazeEditor openEditor() {
        mbrllab.core.maze.Maze maze = current == null ? null
                : current.mazes().map(MazeHolder::currentMaze).orElse(null);
        if (maze == null) {
            maze = mbrllab.io.BundledMazes.dynaMaze();
        }
        java.util.function.Function<mbrllab.core.maze.Maze, java.util.Optional<String>> use = current == null
                ? m -> java.util.Optional.of("no lab is open")
                : current.mazes().<java.util.function.Function<mbrllab.core.maze.Maze, java.util.Optional<String>>>map(
                        h -> h::useMaze).orElse(m -> java.util.Optional.of("this lab does not use a maze"));
        // what the lab that the editor's maze goes to (the one open now) leaves out of it
        java.util.Optional<MazeHolder> holder = current == null ? java.util.Optional.empty() : current.mazes();
        java.util.function.Function<mbrllab.core.maze.Maze, java.util.Optional<String>> leftOut =
                m -> holder.flatMap(h -> h.leftOut(m));
        mbrllab.app.editor.MazeEditor editor = new mbrllab.app.editor.MazeEditor(stage, maze, dialogs, use, leftOut,
                stage.getScene().getStylesheets().isEmpty() ? null : stage.getScene().getStylesheets().get(0),
                root.getStyle());
        editor.setHighContrast(highContrast.isSelected());
        editor.show();
        editors.add(editor);
        editor.stage().setOnHidden(e -> editors.remove(editor));
        return editor;
    }

    /**
     * True when every open maze editor may close: none has unkept changes, or the user discarded them (each editor
     * with changes asks in turn). Quitting and closing the main window ask this first.
     */
    public boolean editorsMayClose() {
        for (mbrllab.app.editor.MazeEditor e : List.copyOf(editors)) {
            if (!e.confirmClose()) {
                return false;
            }
        }
        return true;
    }

    /** Shows an error without blocking (the status bar keeps the message too). */
    public void showError(String title, String message) {
        statusBar.setMessage(message);
        lastError = message;
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        // the app's text size, style sheet and theme (a dialog has a scene of its own)
        DialogPane pane = alert.getDialogPane();
        pane.setStyle(root.getStyle());
        if (stage.getScene() != null) {
            pane.getStylesheets().setAll(stage.getScene().getStylesheets());
        }
        pane.getStyleClass().add("shell");
        setHighContrastClass(pane, highContrast.isSelected());
        alert.show();
    }

    /** The last error shown, for tests; null if none. */
    public String lastError() {
        return lastError;
    }

    private void runIfOpen(java.util.function.Consumer<RunControls> action) {
        if (current != null) {
            action.accept(current.controls());
        }
    }

    /** Changes the font scale by {@code delta}, kept within 0.7 to 3. */
    public void changeFontScale(double delta) {
        fontScale.set(ClassroomSettings.clampScale(fontScale.get() + delta));
    }

    private void applyFontScale() {
        double size = BASE_FONT * fontScale.get();
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", size));
        fitNavigation();
        if (current != null) {
            current.setFontScale(fontScale.get());
        }
        statusBar.setScale(fontScale.get());
        if (help != null) {
            help.restyle(root.getStyle(), highContrast.isSelected());
        }
        for (mbrllab.app.editor.MazeEditor e : editors) {
            e.setRootStyle(root.getStyle());
        }
    }

    /** Gives the lab list the width its names need at the font size and the window's width. */
    private void fitNavigation() {
        double width = navigationWidth(navigation.getItems(), BASE_FONT * fontScale.get(), root.getWidth());
        navigation.setPrefWidth(width);
        navigation.setMinWidth(width);
        navigation.setMaxWidth(width);
    }

    /** The largest share of the window's width the lab list takes to show every name on one line. */
    static final double ONE_LINE_SHARE = 0.15;

    /**
     * The width the lab list needs for its names at this font size: every name on one line when that takes at most
     * {@value #ONE_LINE_SHARE} of the window's width ({@code windowWidth}; 1920 px at text 1.0), else each name on
     * at most two lines (the cells wrap at spaces: "Models (GP" over "vs ensemble)"; 1024 px at text 1.5): the widest
     * name at its best split, the cells' padding (0.6em each side in the style sheet) and the list's border, no more.
     */
    static double navigationWidth(List<LabEntry> labs, double fontSize, double windowWidth) {
        Font font = Font.font(Font.getDefault().getFamily(), fontSize);
        double widest = 0;
        double oneLine = 0;
        for (LabEntry entry : labs) {
            String name = entry.name();
            double best = TextMeasure.width(name, font);
            oneLine = Math.max(oneLine, best);
            for (int i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
                best = Math.min(best, Math.max(TextMeasure.width(name.substring(0, i), font), TextMeasure.width(name.substring(i + 1), font)));
            }
            widest = Math.max(widest, best);
        }
        double padding = 2 * 0.6 * fontSize + 8;
        if (Math.ceil(oneLine + padding) <= ONE_LINE_SHARE * windowWidth) {
            return Math.ceil(oneLine + padding);
        }
        return Math.ceil(widest + padding);
    }

    /**
     * Puts {@code node} (the root of a window of the app) in the high-contrast theme of the style sheet or takes it
     * out: the style class {@code high-contrast}, at most once.
     */
    public static void setHighContrastClass(javafx.scene.Node node, boolean on) {
        node.getStyleClass().remove("high-contrast");
        if (on) {
            node.getStyleClass().add("high-contrast");
        }
    }

    private void applyHighContrast() {
        boolean on = highContrast.isSelected();
        setHighContrastClass(root, on);
        if (current != null) {
            current.setHighContrast(on);
        }
        if (help != null) {
            help.restyle(root.getStyle(), on);
        }
        for (mbrllab.app.editor.MazeEditor e : editors) {
            e.setHighContrast(on);
        }
    }

    /** Opens the Help window (F1) at the section of the lab on show, or brings it to the front there; its stage. */
    public Stage showHelp() {
        if (help == null) {
            List<String> sheets = stage.getScene() == null ? List.of() : stage.getScene().getStylesheets();
            help = new HelpWindow(stage, HelpDocument.parse(HelpText.TEXT), sheets.isEmpty() ? null : sheets.get(0));
        }
        // the scene's size: the stage's is not known yet while a screenshot's window is being shown
        Scene scene = stage.getScene();
        help.show(currentLabId(), root.getStyle(), highContrast.isSelected(), scene == null ? 1024 : scene.getWidth(),
                scene == null ? 768 : scene.getHeight());
        return help.stage();
    }

    /** The status bar: a message, and a progress bar with a cancel button while long work runs. */
    public static final class StatusBar implements Status {
        private final Label message = new Label();
        private final ProgressBar progress = new ProgressBar(0);
        private final Label progressText = new Label();
        private final Button cancel = new Button("Cancel");
        private final HBox box;
        private Runnable onCancel;

        StatusBar() {
            message.setId("statusMessage");
            progress.setId("statusProgress");
            cancel.setId("cancelButton");
            cancel.setTooltip(new Tooltip("Stop the background work"));
            cancel.setOnAction(e -> {
                if (onCancel != null) {
                    onCancel.run();
                }
            });
            // The progress and Cancel keep their width; a long message gives way (cut at its end, whole in its
            // tooltip) instead of squeezing "9 / 30 runs" to a few pixels at large text. The progress text keeps
            // its whole width up to half the bar's (see fitProgressText): PILCO's "Trial 5 of 8: optimising the
            // policy, evaluation 91 of 150, expected cost 14.54 (best 14.54)" at text 1.5 had made the window's
            // content wider than the window, the lab's side panel and Cancel cut at its right edge.
            Tooltip wholeProgress = new Tooltip();
            wholeProgress.textProperty().bind(progressText.textProperty());
            progressText.setTooltip(wholeProgress);
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            progress.setMinWidth(Region.USE_PREF_SIZE);
            message.setMinWidth(0);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(message.textProperty());
            message.setTooltip(whole);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, message, spacer, progressText, progress, cancel);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(3, 8, 3, 8));
            box.getStyleClass().add("status-bar");
            progressText.textProperty().addListener(o -> fitProgressText());
            progressText.fontProperty().addListener(o -> fitProgressText());
            box.widthProperty().addListener(o -> fitProgressText());
            hideProgress();
        }

        /**
         * The progress text's least width: all of it, or half the bar's where it is longer. Measured with a text node
         * in the label's font: the label's own preferred width is not yet its new text's when its text changes.
         */
        private void fitProgressText() {
            double whole = Math.ceil(TextMeasure.width(progressText.getText(), progressText.getFont()))
                    + progressText.snappedLeftInset()
                    + progressText.snappedRightInset() + 1;
            double half = box.getWidth() > 0 ? box.getWidth() * 0.5 : whole;
            progressText.setMinWidth(Math.min(whole, half));
        }

        Node view() {
            return box;
        }

        @Override
        public void setMessage(String text) {
            message.setText(text);
        }

        public String message() {
            return message.getText();
        }

        /** Shows progress in [0, 1] with a text, and what Cancel does. FX thread only. */
        @Override
        public void showProgress(double fraction, String text, Runnable cancelAction) {
            progress.setVisible(true);
            progress.setManaged(true);
            cancel.setVisible(cancelAction != null);
            cancel.setManaged(cancelAction != null);
            progress.setProgress(fraction);
            progressText.setText(text);
            onCancel = cancelAction;
        }

        @Override
        public void hideProgress() {
            progress.setVisible(false);
            progress.setManaged(false);
            cancel.setVisible(false);
            cancel.setManaged(false);
            progressText.setText("");
            onCancel = null;
        }

        void setScale(double scale) {
            progress.setPrefWidth(160 * scale);
        }
    }

    /** Closes the window from code (tests, the screenshot command). */
    public void close() {
        Platform.runLater(stage::close);
    }
}
