package mbrllab.app.shell;

/** The text of the Help dialog. */
final class HelpText {

    private HelpText() {
    }

    static final String TEXT = """
            KEYBOARD SHORTCUTS
              Space            play / pause
              Right arrow      one step (every pane: one real step and its n planning updates)
              Ctrl+R           reset (new agents, Q = 0, empty model, the seed in the toolbar)
              Ctrl+plus / Ctrl+minus / Ctrl+0   larger / smaller / normal text
              F11              presenter full screen
              F1               this help
              Ctrl+O / Ctrl+S  open / save a session;  Ctrl+E  export all views
              Ctrl+Q           quit

            THE DYNA-MAZE LAB
              Each pane runs Dyna-Q (the lecture's steps (a) to (f)) with its own number n of planning
              updates per real step: n = 0 is plain Q-learning. The panes run in lock step: one tick is one
              real step in every pane, followed by that pane's n planning updates.

              Each cell shows four triangles, one per action (up, down, left, right), coloured by Q(x,u) on
              one scale shared by all panes (legend below the panes: orange positive, purple negative, white 0).
              An arrow shows the greedy action where exactly one action has the largest Q; cells with tied
              maxima get no arrow. The blue dot marks cells the model knows (some action tried there). The
              orange disc is the agent, with its recent trail. With planning, the black outline is the (x,u)
              the last planning update sampled, and the dashed line points to the x' the model predicted.

              The chart below shows the steps each finished episode took, for each pane; the dashed line is
              the shortest path (14 steps on the Dyna-maze). With epsilon = 0.1 the curves settle a little
              above it, since the agent still explores one step in ten.

            THE STEP-THROUGH DEBUGGER (second tab of the Dyna-maze lab)
              One agent (choose its n) with the lab's seed: it is run 1, the same agent as the animated pane
              with that n. Step update executes the next single update: a real step (lines (a) to (e)) or
              one planning update (line (f)). Step real step finishes the pending planning and takes the
              next real step; Step episode runs to the end of the episode. Run to breakpoint stops right
              after the update that triggers an enabled breakpoint: episode end, goal reached, |delta Q|
              above a threshold, or the agent entering a cell (click the maze to choose it).
              The highlighted lines are the ones just executed; the blue bar marks the next one. The
              inspector shows the arithmetic of the last update with its numbers. The model table lists
              every (x,u) tried, with x', r and the real step it was last set; select a row to outline it
              on the maze. The timeline scrubs back and forth through every update (Step back: one back);
              memory stays bounded on long runs because only snapshots every K updates are kept and the
              rest is replayed exactly from them. In this tab Space runs to the next breakpoint, Right
              steps one update and Ctrl+R starts a fresh agent.

            FIGURE 8.3
              The Figure 8.3 button (or the preset) runs n = 0 and n = 50 from a fresh start to halfway
              through episode 2: episode 2 is first run on a copy of each agent to learn its length, then
              the agent takes half of those steps. Without planning, one arrow (next to G); with planning,
              arrows reaching back towards S.

            EXPORT AND SESSIONS
              File > Export (or right-click a lab) writes any maze pane or chart as PNG at twice its size,
              as SVG, or the data behind it as CSV; Ctrl+E writes them all into a folder. Ctrl+S saves the
              lab's settings (parameters, seed, n list, runs, maze) as a small JSON session, Ctrl+O opens
              one; a bad file is refused with the reason and changes nothing. Presets are sessions that
              ship with the app (Presets menu). All files are written atomically.

            COMMON RANDOM NUMBERS
              All panes use the same seed for their real steps, and every real step draws exactly two random
              numbers (one decides whether to explore, the other picks the action, whether exploring or
              breaking a tie between equally good actions). So as long as two panes would choose alike, they
              draw the same numbers and make the same choices: their first episodes are identical, because Q
              stays 0 everywhere until the goal is found, whatever n is. Differences between the panes come
              from planning, not from luck. Planning draws from a second random stream of its own.
            """;
}
