package mbrllab.app.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import mbrllab.app.controls.WholeNumberSpinner;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.MazeRenderer;
import mbrllab.app.maze.Overlays;
import mbrllab.app.maze.PaneFrame;
import mbrllab.app.shell.FileDialogs;
import mbrllab.app.shell.Shell;
import mbrllab.core.maze.Cell;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.EditHistory;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeLayouts;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.AtomicFiles;

/**
 * The maze editor (SPEC section 4): toggle walls by clicking or dragging, move S and G, resize, undo and redo,
 * save as a maze file (atomically) and use the maze in the open lab. A changing maze (SPEC section 5) keeps both its
 * layouts and the step of its change: either layout is shown and edited, both resize together, and a change can be
 * added, moved or removed. A maze whose G cannot be reached (in either layout) is shown with a warning and cannot be
 * saved or used until it is fixed; nothing typed is lost by a failed save.
 */
public final class MazeEditor {

    /** What a click does. */
    enum Tool { WALL, START, GOAL }

    private final Stage stage = new Stage();
    private final FileDialogs dialogs;
    private final Function<Maze, Optional<String>> useInLab;
    private final Function<Maze, Optional<String>> leftOut;
    /** What an edited maze's name gets while it has the opened maze's name. */
    private static final String EDITED = " (edited)";
    private final EditHistory<MazeLayouts> history;
    private final MazeCanvas canvas = new MazeCanvas();
    private final TextField name = new TextField();
    /** The maze the editor opened with: while its name stands in the field, a changed layout is "NAME (edited)". */
    private final String openedName;
    private final MazeLayouts openedLayouts;
    /** The opened maze's description, kept while its layouts are the opened ones (it may not hold for others). */
    private final String openedDescription;
    private final Label status = new Label();
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Button save = new Button("Save as...");
    private final Button use = new Button("Use in the lab");
    private final Spinner<Integer> rows = new Spinner<>(1, MazeParser.MAX_SIDE, 6);
    private final Spinner<Integer> cols = new Spinner<>(2, MazeParser.MAX_SIDE, 9);
    private final ToggleGroup tools = new ToggleGroup();
    private final CheckBox changes = new CheckBox("Changes after step");
    private final Spinner<Integer> changeAt = new Spinner<>(1, Integer.MAX_VALUE, 1000);
    private final ToggleGroup sides = new ToggleGroup();
    private final ToggleButton before = new ToggleButton("Before");
    private final ToggleButton after = new ToggleButton("After");
    private Layout stroke;
    private boolean strokeWall;
    private Path lastSaved;
    private boolean syncing;
    /** The maze as opened, last saved or last used in the lab: closing with another one asks first. */
    private Maze kept;

    /**
     * @param owner     the main window
     * @param maze      the maze to start from
     * @param dialogs   file dialogs (tests answer them)
     * @param useInLab  hands an edited maze to the open lab; returns the reason if it cannot
     * @param leftOut   what the open lab leaves out of a maze it uses (a changing maze's change), said after using it
     * @param stylesheet the app's style sheet
     */
    public MazeEditor(Window owner, Maze maze, FileDialogs dialogs, Function<Maze, Optional<String>> useInLab,
                      Function<Maze, Optional<String>> leftOut, String stylesheet, String rootStyle) {
        this.dialogs = dialogs;
        this.useInLab = useInLab;
        this.leftOut = leftOut;
        this.history = new EditHistory<>(MazeLayouts.of(maze));
        stage.initOwner(owner);
        // the maze's name in the title, as it is (a desktop's window list tells two editors apart)
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Maze editor: "
                + (name.getText().isBlank() ? "Edited maze" : name.getText().strip()), name.textProperty()));
        name.setText(maze.name());
        openedName = maze.name();
        openedLayouts = MazeLayouts.of(maze);
        openedDescription = maze.description();
        name.setId("mazeName");
        name.setPrefColumnCount(14);

        ToggleButton wall = tool("toolWall", "Walls", Tool.WALL, "Click or drag to add or remove walls");
        ToggleButton start = tool("toolStart", "Move S", Tool.START, "Click a cell to put the start there");
        ToggleButton goal = tool("toolGoal", "Move G", Tool.GOAL, "Click a cell to put the goal there");
        wall.setSelected(true);
        undo.setId("undoButton");
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        undo.setOnAction(e -> {
            MazeLayouts was = history.current();
            history.undo();
            showWhereChanged(was);
            refresh();
        });
        redo.setId("redoButton");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Y)"));
        redo.setOnAction(e -> {
            MazeLayouts was = history.current();
            history.redo();
            showWhereChanged(was);
            refresh();
        });
        rows.setId("rowsSpinner");
        cols.setId("colsSpinner");
        rows.setEditable(true);
        cols.setEditable(true);
        WholeNumberSpinner.guard(rows, "Rows", this::warn);
        WholeNumberSpinner.guard(cols, "Columns", this::warn);
        // Three digits and the arrows at any text size (the style sheet's "size-spinner"; a fixed 80 px showed "4("
        // for 40 at text 1.5).
        rows.getStyleClass().add("size-spinner");
        cols.getStyleClass().add("size-spinner");
        rows.valueProperty().addListener((o, a, b) -> resize());
        cols.valueProperty().addListener((o, a, b) -> resize());
        changes.setId("changesBox");
        changes.setTooltip(new Tooltip("A changing maze (book Figures 8.4 and 8.5): after this many real steps the "
                + "layout switches to the one shown by After"));
        changes.setOnAction(e -> changeOnOff());
        changeAt.setId("changeAtSpinner");
        changeAt.setEditable(true);
        WholeNumberSpinner.guard(changeAt, "Changes after step", this::warn);
        changeAt.getStyleClass().add("step-spinner");
        changeAt.valueProperty().addListener((o, a, b) -> moveChange());
        before.setId("showBefore");
        after.setId("showAfter");
        before.setTooltip(new Tooltip("Show and edit the layout before the change"));
        after.setTooltip(new Tooltip("Show and edit the layout after the change"));
        before.setToggleGroup(sides);
        after.setToggleGroup(sides);
        before.setSelected(true);
        // one side is always shown: a click on the shown one keeps it
        sides.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else if (!syncing) {
                stroke = null;
                refresh();
            }
        });
        // Three groups that wrap onto a second line where the window is narrow (a tool bar hid the columns behind
        // its overflow button at text 1.5), each group whole.
        Label rowsLabel = new Label("Rows");
        Label colsLabel = new Label("Columns");
        HBox toolGroup = new HBox(4, wall, start, goal);
        HBox historyGroup = new HBox(4, undo, redo);
        HBox sizeGroup = new HBox(6, rowsLabel, rows, colsLabel, cols);
        HBox changeGroup = new HBox(6, changes, changeAt, before, after);
        for (HBox group : List.of(toolGroup, historyGroup, sizeGroup, changeGroup)) {
            group.setAlignment(Pos.CENTER_LEFT);
            group.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(18, 6, toolGroup, historyGroup, sizeGroup, changeGroup);
        bar.setId("editorTools");
        bar.getStyleClass().add("tool-bar");

        canvas.setId("editorCanvas");
        canvas.setOverlays(new Overlays(false, false, false, false, false, false, false));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release());

        status.setId("editorStatus");
        save.setId("saveMazeButton");
        save.setOnAction(e -> saveAs());
        use.setId("useMazeButton");
        use.setOnAction(e -> useInLab());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label nameLabel = new Label("Name");
        // the name, Save and Use keep their words at any text size; the status wraps on a line of its own
        for (Region r : new Region[] {nameLabel, save, use}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        name.setMinWidth(80);
        HBox.setHgrow(name, Priority.SOMETIMES);
        HBox buttons = new HBox(8, nameLabel, name, spacer, save, use);
        buttons.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(6, buttons, status);
        bottom.setPadding(new Insets(6));

        BorderPane root = new BorderPane(canvas, bar, null, bottom, null);
        root.getStyleClass().add("shell");
        root.setStyle(rootStyle);
        root.setId("mazeEditor");
        Scene scene = new Scene(root, 900, 600);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), undo::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), redo::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), redo::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmClose()) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        refresh();
        kept = maze();
    }

    /**
     * Whether the maze on show differs from the one opened, last saved or last used in the lab (walls, start, goal,
     * size or name): closing the editor would lose it.
     */
    public boolean hasUnkeptChanges() {
        Maze now = maze();
        return !now.name().equals(kept.name()) || !now.layout().equals(kept.layout())
                || !now.change().equals(kept.change());
    }

    /**
     * True when the editor may close: it has no unkept changes, or the user chose to discard them. Otherwise it asks,
     * in front of the editor, and keeps the editor open unless told to discard.
     */
    public boolean confirmClose() {
        if (!hasUnkeptChanges()) {
            return true;
        }
        show();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(stage);
        ask.setTitle("Maze editor");
        ask.setHeaderText("Discard the changes to \"" + maze().name() + "\"?");
        ask.setContentText("They are neither saved to a file nor used in the lab. Save as... keeps them in a file, "
                + "Use in the lab in the open lab.");
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(keep, discard);
        ask.getDialogPane().lookupButton(discard).setId("discardMazeButton");
        ask.getDialogPane().lookupButton(keep).setId("keepEditingButton");
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        // the app's text size, style sheet and theme, as the editor has them
        DialogPane pane = ask.getDialogPane();
        pane.setStyle(stage.getScene().getRoot().getStyle());
        pane.getStylesheets().setAll(stage.getScene().getStylesheets());
        pane.getStyleClass().add("shell");
        Shell.setHighContrastClass(pane, stage.getScene().getRoot().getStyleClass().contains("high-contrast"));
        pane.setMinHeight(Region.USE_PREF_SIZE);
        return ask.showAndWait().filter(discard::equals).isPresent();
    }

    private ToggleButton tool(String id, String text, Tool tool, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(tool);
        b.setToggleGroup(tools);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** Follows the app's text size ({@code rootStyle}, its -fx-font-size). */
    public void setRootStyle(String rootStyle) {
        stage.getScene().getRoot().setStyle(rootStyle);
    }

    /** The app's high-contrast theme on (black background, the maze in its high-contrast colours) or off. */
    public void setHighContrast(boolean on) {
        Shell.setHighContrastClass(stage.getScene().getRoot(), on);
        canvas.setHighContrast(on);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The maze being edited. */
    public Maze maze() {
        String n = name.getText().strip();
        MazeLayouts layouts = layouts();
        return layouts.toMaze(n.isEmpty() ? "Edited maze" : n,
                layouts.equals(openedLayouts) ? openedDescription : "");
    }

    /** The layouts with the stroke under way, if any. */
    private MazeLayouts layouts() {
        return stroke != null ? history.current().with(showingAfter(), stroke) : history.current();
    }

    /** True when the layout after the change is on show (and edited). */
    private boolean showingAfter() {
        return after.isSelected() && history.current().changes();
    }

    /** The layout on show, with the stroke under way. */
    private Layout shown() {
        return stroke != null ? stroke : history.current().layout(showingAfter());
    }

    /** The layout on show as the history holds it. */
    private Layout current() {
        return history.current().layout(showingAfter());
    }

    private Tool currentTool() {
        return tools.getSelectedToggle() == null ? Tool.WALL : (Tool) tools.getSelectedToggle().getUserData();
    }

    private Cell cellAt(MouseEvent e) {
        int index = canvas.cellAt(e.getX(), e.getY());
        if (index < 0) {
            return null;
        }
        Layout l = current();
        return new Cell(index / l.cols(), index % l.cols());
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Cell cell = cellAt(e);
        if (cell == null) {
            return;
        }
        Layout l = current();
        switch (currentTool()) {
            case WALL -> {
                strokeWall = !l.isWall(cell.row(), cell.col());
                stroke = l.withWall(cell, strokeWall);
            }
            case START -> stroke = l.withStart(cell);
            case GOAL -> stroke = l.withGoal(cell);
            default -> throw new IllegalStateException();
        }
        refresh();
    }

    private void drag(MouseEvent e) {
        if (stroke == null) {
            return;
        }
        Cell cell = cellAt(e);
        if (cell == null) {
            return;
        }
        Layout next = switch (currentTool()) {
            case WALL -> stroke.withWall(cell, strokeWall);
            case START -> current().withStart(cell);
            case GOAL -> current().withGoal(cell);
        };
        if (!next.equals(stroke)) {
            stroke = next;
            refresh();
        }
    }

    private void release() {
        if (stroke != null) {
            Layout done = stroke;
            stroke = null;
            history.edit(history.current().with(showingAfter(), done));
            refresh();
        }
    }

    private void resize() {
        if (syncing) {
            return;
        }
        Layout l = current();
        Integer r = rows.getValue();
        Integer c = cols.getValue();
        if (r == null || c == null || r == l.rows() && c == l.cols()) {
            return;
        }
        try {
            history.edit(history.current().resized(r, c));
        } catch (IllegalArgumentException ex) {
            status.setText(ex.getMessage());
        }
        refresh();
    }

    private void refresh() {
        MazeLayouts layouts = layouts();
        // an edited maze does not go on by the opened one's name (into the lab's titles, sessions and files) unless
        // the user gives it that name; back at the opened layouts, the opened name again
        String edited = openedName.endsWith(EDITED) ? openedName : openedName + EDITED;
        if (name.getText().equals(openedName) && !layouts.equals(openedLayouts)) {
            name.setText(edited);
        } else if (name.getText().equals(edited) && layouts.equals(openedLayouts)) {
            name.setText(openedName);
        }
        syncing = true;
        if (!layouts.changes()) {
            before.setSelected(true);
        }
        changes.setSelected(layouts.changes());
        layouts.change().ifPresent(c -> changeAt.getValueFactory().setValue(c.afterStep()));
        changeAt.setDisable(!layouts.changes());
        after.setDisable(!layouts.changes());
        before.setDisable(!layouts.changes());
        Layout l = shown();
        rows.getValueFactory().setValue(l.rows());
        cols.getValueFactory().setValue(l.cols());
        syncing = false;
        int cells = l.cellCount();
        // where a changing maze changes, outlined in both layouts (as the Changing mazes lab does after the change)
        canvas.setExtras(new MazeRenderer.Extras(null, 1, "", layouts.changedCells()));
        canvas.show(new PaneFrame(0, l, new double[cells * 4], l.index(l.start()), new int[0], new boolean[cells],
                new int[cells], -1, -1, 1, 0, 0, 0, new int[0]), 1);
        undo.setDisable(!history.canUndo());
        redo.setDisable(!history.canRedo());
        int path = layouts.before().shortestPathLength();
        int pathAfter = layouts.change().map(c -> c.layout().shortestPathLength()).orElse(0);
        boolean reachable = path >= 0 && pathAfter >= 0;
        status.getStyleClass().remove("warning");
        if (!reachable) {
            String where = !layouts.changes() ? "" : path < 0 ? " before the change" : " after the change";
            status.setText("Warning: G cannot be reached from S" + where + ". Open a path before saving or using "
                    + "this maze.");
            status.getStyleClass().add("warning");
        } else if (!layouts.changes()) {
            status.setText(String.format(Locale.ROOT, "%dx%d, %d free cells, shortest path %d steps", l.rows(),
                    l.cols(), l.freeCellCount(), path));
        } else {
            Layout later = layouts.layout(true);
            status.setText(String.format(Locale.ROOT, "%dx%d; before the change %d free cells, shortest path %d "
                    + "steps; after step %,d: %d free cells, shortest path %d steps", l.rows(), l.cols(),
                    layouts.before().freeCellCount(), path, layouts.change().get().afterStep(),
                    later.freeCellCount(), pathAfter));
        }
        save.setDisable(!reachable);
        use.setDisable(!reachable);
        save.setTooltip(new Tooltip(!reachable ? "G must be reachable from S" : "Save as a maze file (mazes/README.md)"));
    }

    /**
     * After an undo or redo, shows the layout it changed (an edit of the later layout undone while the first one was
     * on show changed nothing in view); a change of size or of the step keeps the layout on show.
     */
    private void showWhereChanged(MazeLayouts was) {
        MazeLayouts now = history.current();
        boolean firstChanged = !now.before().equals(was.before());
        boolean laterChanged = now.changes() && was.changes() && !now.layout(true).equals(was.layout(true));
        boolean sized = now.before().rows() != was.before().rows() || now.before().cols() != was.before().cols();
        if (sized) {
            return;
        }
        syncing = true;
        if (firstChanged && !laterChanged) {
            before.setSelected(true);
        } else if (laterChanged && !firstChanged) {
            after.setSelected(true);
        }
        syncing = false;
        stroke = null;
    }

    /** A message in the status line, marked as a warning until the next refresh. */
    private void warn(String message) {
        status.setText(message);
        if (!status.getStyleClass().contains("warning")) {
            status.getStyleClass().add("warning");
        }
    }

    /** The check box: a change added (its layout a copy of the first, shown for editing) or removed. */
    private void changeOnOff() {
        if (syncing) {
            return;
        }
        if (changes.isSelected()) {
            history.edit(history.current().withChangeAt(changeAt.getValue()));
            syncing = true;
            after.setSelected(true);
            syncing = false;
        } else {
            history.edit(history.current().withoutChange());
        }
        stroke = null;
        refresh();
    }

    /** The step of the change moved in its spinner. */
    private void moveChange() {
        Integer step = changeAt.getValue();
        if (syncing || step == null || !history.current().changes()
                || history.current().change().get().afterStep() == step) {
            return;
        }
        history.edit(history.current().withChangeAt(step));
        refresh();
    }

    private void saveAs() {
        Maze maze = maze();
        String suggested = (lastSaved != null ? lastSaved.getFileName().toString()
                : maze.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".maze");
        Optional<Path> target = dialogs.save(stage, "Save maze", suggested, "maze");
        if (target.isEmpty()) {
            return;
        }
        try {
            String text = MazeParser.format(maze);
            MazeParser.parse(target.get().toString(), text);
            AtomicFiles.writeString(target.get(), text);
            lastSaved = target.get();
            kept = maze;
            status.setText("Saved " + target.get());
        } catch (IOException | mbrllab.core.maze.MazeFormatException | RuntimeException e) {
            status.setText("Not saved: " + e.getMessage() + " (your edits are kept)");
            status.getStyleClass().add("warning");
        }
    }

    private void useInLab() {
        Maze maze = maze();
        Optional<String> error = useInLab.apply(maze);
        if (error.isEmpty()) {
            kept = maze;
        }
        status.setText(error.map(e -> "Not used: " + e).orElse("The lab now uses \"" + maze.name() + "\""
                + leftOut.apply(maze).map(n -> " (" + n + ")").orElse("")));
    }
}
