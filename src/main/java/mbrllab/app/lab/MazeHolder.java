package mbrllab.app.lab;

import java.util.Optional;

import mbrllab.core.maze.Maze;

/** A lab that runs on a maze: the maze editor and File &gt; Open maze hand it theirs. FX thread. */
public interface MazeHolder {

    /** The maze the lab uses now. */
    Maze currentMaze();

    /** Switches the lab to another maze; returns the reason when it cannot. */
    Optional<String> useMaze(Maze maze);
}
