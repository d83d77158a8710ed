package mbrllab.app.shell;

/** The text of the Help window, in the plain-text form that {@link HelpDocument#parse} reads. */
final class HelpText {

    private HelpText() {
    }

    static final String TEXT = """
            Keyboard shortcuts
              Space            play / pause
              Right arrow      one step (every pane: one real step and its n planning updates);
                               in the cart-pole lab with the keyboard agent it pushes the cart instead
              Ctrl+R           reset (new agents, Q = 0, empty model, the seed in the toolbar)
              Ctrl+plus / Ctrl+minus / Ctrl+0   larger / smaller / normal text (Ctrl+= and
                               Ctrl+Shift+=, and the keypad's plus and minus, work too)
              Ctrl+1 .. Ctrl+7  open the first to seventh lab of the list (also the Labs menu)
              F11              presenter mode, full screen: the lab list and the options fold away
                               (the toolbar's lab button and the Options handle bring them back)
              F1               this help, open at the section of the lab on show; in it Ctrl+F searches,
                               Enter and Shift+Enter step through the matches, Escape clears, then closes
              Ctrl+O / Ctrl+S  open / save a session
              Ctrl+M           open a maze file (File > Maze editor edits the maze)
              Ctrl+E           export all views
              Ctrl+Q           quit

              Text size, high contrast, presenter mode and the open lab are remembered for the next start.

            The Dyna-maze lab
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

            The step-through debugger (second tab of the Dyna-maze lab)
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

            Figure 8.3
              The Figure 8.3 button (or the preset) runs n = 0 and n = 50 from a fresh start to halfway
              through episode 2: episode 2 is first run on a copy of each agent to learn its length, then
              the agent takes half of those steps. Without planning, one arrow (next to G); with planning,
              arrows reaching back towards S.

            Export and sessions
              File > Export (or right-click a lab) writes any maze pane, cart pane or chart as PNG at twice
              its size, as SVG, or the data behind it as CSV (a cart pane: the trajectory on show, the live
              episode so far or the replayed one); Ctrl+E writes them all into a folder. Ctrl+S saves the
              lab's settings (parameters, seed, runs; the maze, or the cart-pole's system, agent, model and
              speed) as a small JSON session, Ctrl+O opens one; a bad file is refused with the reason and
              changes nothing. Presets are sessions that ship with the app (Presets menu: the open lab's first,
              the other labs' in a submenu each; a preset opens its lab). All files are
              written atomically.

            Maze files and the maze editor
              File > Open maze file (Ctrl+M) loads a maze file into the open lab; a bad file is refused with
              its line and column. File > Maze editor edits the open lab's maze: click or drag to add or
              remove walls, Move S and Move G, Rows and Columns to resize, Ctrl+Z and Ctrl+Y to undo and
              redo. A changing maze keeps both layouts: Before and After show and edit each (the
              cells that differ outlined), both resize together, and "Changes after step" adds, moves
              or removes the change. An edited maze is named "NAME (edited)" unless you give it a name.
              Save as... writes a maze file; Use in the lab gives the maze to the open lab (fresh
              agents). Closing the editor (Ctrl+W) while its maze is neither saved nor used asks before
              the changes are discarded. Where
              a pane leaves a cell less than 4 px (a large maze), each cell is a plain square in the colour
              of its best action's value.

            The changing mazes lab (Sutton and Barto, Sections 8.3 and 8.4)
              Dyna-Q and Dyna-Q+ (and, if you tick it, prioritized sweeping) learn side by side on a maze
              whose walls move after a given number of real steps: the blocking maze (Figure 8.4: after
              1,000 steps the short way on the right closes and a longer one opens on the left) or the
              shortcut maze (Figure 8.5: after 3,000 steps a shorter way opens on the right while the long
              one stays open). Any maze file, or a maze from the editor, can be used too; a file with an
              "after:" layout and "change-at:" changes. The agents run in lock step with the same seed for
              their real steps, like the panes of the Dyna-maze lab. When the animated run passes the
              change step the banner above the panes says so, the panes draw the new walls and the cells
              that changed get a yellow dashed frame. The run pauses by itself at the experiment's last
              step; Play goes on from there.

              The chart is Figures 8.4 and 8.5: cumulative reward (+1 per goal) against time steps, the
              mean of R background runs with a 95% band (thick), the animated run 1 (thin) and the change
              (dashed). With the same seed and runs the numbers are exactly those of the command line's
              figure 8.4 and figure 8.5; the line under the chart gives them at the change and at the end.

              Dyna-Q+. Dyna-Q's model remembers the last outcome of each (x,u) and believes it forever.
              Dyna-Q+ keeps, for each pair, tau(x,u): the real steps since it was last tried. When it plans
              with a pair it adds a bonus kappa * sqrt(tau) to the modelled reward, and it also plans with
              actions it never tried in a visited state (as leading back to the same state with reward 0).
              So the longer a move has not been checked, the more attractive it looks in planning, until
              the greedy policy goes out and tries it. The bonus is small (kappa 1e-4 or 1e-3) but planning
              repeats it n times per step, and sqrt(tau) keeps growing.

              Why Dyna-Q+ finds the shortcut and Dyna-Q does not. When the shortcut opens, Dyna-Q's model
              still says the right end of the wall is a wall (it bumped into it long ago), and its policy
              already reaches G by the long way, so nothing ever sends it to look again: epsilon-greedy
              exploration would need many unlikely moves in a row. Its model is wrong but the error never
              costs it a visible reward, so it is never corrected. Dyna-Q+ sees tau grow on the untried
              moves near the wall, the bonus pulls its values there, it tries them, finds the gap, and its
              cumulative reward bends upwards. In the blocking maze both agents lose the short way; Dyna-Q+
              recovers sooner because its bonus drives it to re-try moves it has not made for long.

              The tau heat map ("Show tau" under the panes) colours each of the four triangles of a cell
              by tau(x,u) on one scale for all panes: light yellow for a move tried just now, dark purple
              for one not tried for the longest time or never (tau = all the steps so far). Colours are
              spaced by sqrt(tau), the shape of Dyna-Q+'s bonus.

              Prioritized sweeping (Section 8.4). Instead of replaying remembered pairs at random, it keeps
              a queue of pairs ordered by how much their value would change (|TD error|, queued when above
              theta). Each planning update takes the top pair, updates it, and queues the pairs the model
              says lead into its state: values sweep backwards from where something changed, and no update
              is wasted on pairs whose values are already right. Beside its pane the table shows the queue
              right after the last real step (the pairs its n planning updates take next); where the window
              is small for the text size (outside presenter mode), the queue is the "Queue" tab beside the
              chart, and "Reward" brings the chart back. The second tab
              repeats the book's Example 8.4: the updates both methods need until the greedy policy is
              optimal, on the Dyna-maze at 1x to 6x resolution, computed in the background (Cancel in the
              status bar); prioritized sweeping needs several times fewer.

              The third tab is the step-through debugger of the Dyna-maze lab for Dyna-Q+ (or Dyna-Q) on
              this lab's maze, with its change and slip: with the lab's n it is the animated pane's agent.
              A planning update of Dyna-Q+ shows its bonus in the TD target, and one on an action never
              tried says so. Prioritized sweeping is not offered there: its real step makes no Q update
              and its planning stops when the queue is empty, while the debugger steps one Q update at a
              time; its queue is shown beside its pane instead.

            Slip (a stochastic maze, the "Slip probability" field)
            """
            + "  " + mbrllab.core.maze.MazeDynamics.SLIP_EXPLANATION + "\n" + """

            The cart-pole lab
              Two systems: balance (Gymnasium's CartPole-v1: keep the pole within 12 degrees of upright and the
              cart within 2.4 m of the centre; steps of 0.02 s, at most 500) and swing-up (PILCO's cart-pole: the
              pole starts hanging; swing it up and hold it above x = 0; pushes held for 0.1 s, episodes of 4 s).
              Drawn: the track and its limits, the failure angle as faint lines, the force arrow; read-outs of x,
              x', theta (degrees, 0 upright for balance, 0 hanging for swing-up) and theta' (degrees per second).
              Real time is 50 steps per second for balance and 10 for swing-up; the animation runs at the screen
              rate and moves smoothly between physics steps (it shows the motion one step late).

              Keyboard play. Choose the Keyboard agent: then Left and Right push the cart with 10 N while held (no
              key: no force; Gymnasium's own agents must push one way or the other every step). Pressing an arrow
              while paused starts the run. The arrows also push when you click the cart picture first (it gets a
              coloured frame): a random cart is then handed to the keyboard in mid-episode. In all other cases the
              arrows do what they do elsewhere (Right = one step); a focused slider or list keeps its arrows.
              Space still plays and pauses, Ctrl+R resets.

              Replay. Every finished episode is recorded (its start state and every push; the physics recomputes the
              very same states), and in long runs the lab keeps the first 1,000 and the latest 10,000 episodes of
              each cart. Pick an episode (and, with Dyna-Q, a pane) under the picture and press Replay: the live
              run pauses and the picture shows the recording. The scrubber at step k shows the recorded state k;
              the speed is a multiple of real time. Play or Back to live returns to the live run.

              Dyna-Q on BOXES. Three panes run tabular Dyna-Q with n = 0, 5 and 50 planning updates per real step,
              in lock step, on the 162 boxes of Barto, Sutton and Anderson (1983) (x, x', theta, theta' cut into
              3 x 3 x 6 x 3 intervals; pushes of 10 N; reward 0 per step and -1 on failure; 500 steps is a
              truncation, not a failure). The panes are run 1 of the background experiment, whose mean over R runs
              (30 by default) with 95% confidence bands fills the chart as runs finish (Cancel in the status bar).
              Under each pane: the agent's current box, Q of both pushes, and the model's entry for each push.

              The lesson: model errors can affect learning. A box lumps many states together, so the same box and
              push lead to different next boxes. The "last outcome" model (the maze's Model(x,u) <- (x',r)) keeps
              only the latest next box and believes it for sure; planning replays these errors over and over, and
              with n = 50 the agent balances far shorter than with n = 0 over 100 episodes. The "sample model"
              keeps every next box with its count and planning draws them by frequency: then planning helps early
              on, n = 50 balancing longer than n = 0 over the first episodes. Switch the model beside the panes
              and compare the curves.

            Common random numbers
              All panes use the same seed for their real steps, and every real step draws exactly two random
              numbers (one decides whether to explore, the other picks the action, whether exploring or
              breaking a tie between equally good actions). So as long as two panes would choose alike, they
              draw the same numbers and make the same choices: their first episodes are identical, because Q
              stays 0 everywhere until the goal is found, whatever n is. Differences between the panes come
              from planning, not from luck. Planning draws from a second random stream of its own.

            The models lab (GP vs ensemble)
              Two kinds of uncertainty. Aleatoric uncertainty is the noise in the data themselves: even a
              perfect model cannot say where the next noisy y falls, and more data do not remove it.
              Epistemic uncertainty is the model's own ignorance: where it has seen few or no data, many
              functions fit what it has seen, and it cannot tell which is right. More data remove it. A
              planner must not trust a model where its epistemic uncertainty is large, or it exploits the
              model's errors instead of solving the task.

              The GP keeps a distribution over functions: its posterior variance of f is the epistemic part
              and its noise variance sigma_n^2 the aleatoric part. The ensemble trains 5 nets on bootstrap
              samples of the data, each predicting a mean and a variance: how much their means disagree is
              the epistemic part, the mean of their variances the aleatoric part.

              1-D playground. Click in the chart to add a point, right-click to remove the nearest one; New
              data draws fresh points from the chosen function and noise (heteroscedastic noise grows to
              the right; the gap leaves [-0.5, 1.5) without inputs). The dark band is mean +- 2 sigma of
              the epistemic part alone (95% for f), the light band mean +- 2 sigma of epistemic plus
              aleatoric (95% for a new noisy y). The lower chart draws the two standard deviations against
              x: the epistemic one grows away from the data and in the gap, the aleatoric one follows the
              noise. The side panel shows the GP's fitted length-scale, signal and noise and its log
              marginal likelihood log p(y | X), and how many of 1,000 fresh noisy targets fall inside each
              model's band. Play adds a random point every 0.6 s, Step one point, Ctrl+R redraws the data.

              Cart-pole dynamics. Random forces drive the swing-up cart-pole; the models learn the change
              of the state s' - s from (s, u), as PILCO does. From a held-out start and its true forces they
              predict H steps ahead, each step fed with the previous prediction:
                moment matching (GP): the state is kept Gaussian and its exact mean and covariance are
                  carried through the GP at every step (PILCO);
                TS1 (ensemble): each particle picks a random net at every step (PETS);
                TS-infinity (ensemble): each particle keeps one net for the whole horizon (PETS);
                GP particles: each particle draws f anew from the GP at every step.
              The four charts show the mean and the +- 2 sigma (95%) band against the true trajectory; the
              ghost poles show the predicted states at step k as a fan (Play animates k). The parity plots
              compare one-step predictions with the truth on held-out transitions.

            Why Dyna-style methods use short rollouts
              The compounding-error chart averages, over the held-out starts, the error of the predicted
              mean (RMSE) and the negative log-likelihood of the true state under the predicted Gaussian,
              against the horizon k. One step ahead the models are good; but every predicted state is the
              input of the next prediction, so small errors feed on themselves and grow, and the states
              drift to where the model has seen no data. Dyna-style methods therefore start their
              simulated rollouts from real states in the buffer and keep them short (a few steps): the
              simulated transitions stay close to the truth, and the many real start states still cover
              the whole state space that long rollouts would otherwise be needed to reach.

            The planning lab
              Learn a model and use it to plan (PETS): one episode with random forces, then per episode fit
              the model to all data so far and act by model-predictive control: at every step search for the
              H forces with the best predicted return J(u_1..u_H) = 1/N sum_i sum_t r(x_t,i, u_t), execute
              the first, search again. Particles: TS1 picks a random ensemble member at every step,
              TS-infinity keeps one per particle, the mean follows one deterministic path (the only choice
              for the single net and the true physics). Random shooting keeps the best of uniformly random
              sequences; CEM refits a Gaussian to its elites round by round, so its population contracts.
              The picture shows the candidates' predicted pole-tip paths (grey, elites orange), the executed
              plan as the model predicts it (blue) and the same forces replayed in the true physics (dashed).
              Round makes one CEM round of the coming step; after the last round it acts. The chart's lower
              plot compares the plans' predicted J with what the same forces earn: with one deterministic net
              the planner finds forces where the net is wrong in its favour, and the gap is large.

            The acceleration lab (Dyna-style DQN)
              The lecture's "learn a model and improve model-free learning": collect real data, fit a dynamics
              model to it, and let the model-free learner (here DQN on the balance task: a Q-network, a replay
              buffer, a target network) also learn from simulated transitions. Three learners run side by side on
              one real-step clock: 1 real data only, 2 model-augmented (after every real step n model rollouts of
              k steps from states of the real buffer, written into a model buffer; half of each minibatch is model
              data), 3 a setting of your choice, written as for `accelerate --settings` ("real", or
              KIND:n=N:k=K with KIND model, single or true, n and k up to 50; :ratio=R sets the share of real
              data in each minibatch; true:n=N:k=K:noise=S adds Gaussian noise of S times each component's
              scale, 2.4 m, 2 m/s, 0.21 rad, 2 rad/s, to every model step: a model whose one-step error is S;
              :push=dataset gives each rollout's first step the push its start state's real transition took,
              :push=other the push it did not take).
              They share the seed, the start states, the initial Q-network and the 2 Q updates per real
              step, so only the data they learn from differs. The learned model (an ensemble of 5 nets
              predicting the state change; reward +1 and the termination rule are known) is refitted every
              500 real steps with 200 warm-started Adam steps; "true" uses the physics itself, the perfect
              model. The pushes in model rollouts are uniformly random (epsilon 1 in `accelerate
              --rollout-epsilon`): with the learner's own near-greedy pushes nearly all model data would
              take the greedy push, the other push's values would drift with nothing to correct them, and
              the policy would flip to pushing one way only (episodes of about 10 steps).

              The five processes (the lecture's "model-based acceleration of DQN"): 1 collect data, 2 Q-function
              regression (TD updates on minibatches), 3 target network update (theta copied to phi), 4 model
              training, 5 model-data collection. Each box counts what its process did, with its rate per real step;
              the two datasets show their sizes; an arrow lights up while data flows along it. Choose whose
              processes to see beside the panes (with real data only, 4 and 5 stay idle).

              Long model rollouts. The lecture: we want to avoid long model-based rollouts, as these will
              necessarily incur accumulating error; at the same time, short rollouts do not guarantee exploration of
              "later timesteps". Dyna-Q uses only short rollouts, while observing diverse states (starting from
              every state seen). The tab "One model rollout" shows it in the learner's own data: a real start state,
              the k imagined steps of the model (dashed), pushed as the model data are (at random by default), against
              what the true physics does with the same pushes (solid), and rings where the true physics' one step from each imagined state goes; the error
              grows with k. The preset "Long rollouts hurt" puts k = 20 beside k = 1. `accelerate`
              on the command line measures the k-step error for k = 1 to 20 (accelerate-model-error.csv).
              The rollout's caption gives two numbers: the state error after the k steps, and the error of step k
              alone (the model's step from its own state against the true physics' step from there). A one-step TD
              target reads single transitions, so the second is all that a model transition gets wrong; what
              compounds is where the imagined states go. Measured over 30 runs (README): after 20 steps the state
              error is about 0.9, step 20 alone about 0.18, and k = 20 needed no more real steps to 195 than k = 1
              with this DQN. Long rollouts hurt when the model is badly wrong off the real data; here it is not.

              Presets: short rollouts help (ensemble, n = 10, k = 1 against real data only), long rollouts hurt
              (k = 20 against k = 1), a perfect model (the true physics), real data only (the processes of plain
              DQN), what a model adds (the true physics pushing at random against copies of real data). The
              learning curves are the mean of R background runs (10 by default) against real steps, with
              95% bands; the panes are run 1 of them, and a pane stops when its run has finished the episodes
              per run, as the background run does. Where n, k or the models make R runs too long for the app's
              budget, fewer run (R is kept) and the side panel says how many. Their final numbers are those of
              accelerate --settings real,model:n=10:k=1,true:n=10:k=1 --runs 10 --seed 1 (with your settings).

              Reading the curves. DQN is not stable: a learner that balances for 500 steps may lose it again
              some episodes later (in the short-rollouts preset run 1's real-only and true-physics panes peak at
              235 and 245 and fall to 88 and 45 by real step 4,000), with or without model data. Steps to 195 counts the
              first time a run's last 10 episodes average 195, so a few such runs decide a mean over 10. Those 10
              episodes take at least 1,950 real steps (about 2,000 in every setting, three quarters of a typical
              run), so a setting's lead shows in the steps before them (accelerate prints both parts). Over 30
              runs (README) model data with k = 1 saved a typical run (the median) 49 real steps with the learned
              model and 93 with the true physics, and the two were within one standard error of each other: at
              k = 1 this learner does not notice one-step model errors up to 0.1 (try true:n=10:k=1:noise=0.1 in
              pane 3).
              The lecture's caution holds too: model data learn faster, but need not end better.

              What can a model add here? A one-step rollout from a state of the real buffer repeats what the buffer
              already holds, except for the push: the replay buffer is itself a model of what was seen (van
              Hasselt, Hessel and Aslanides, "When to use parametric models in reinforcement learning?", 2019). The
              preset "What a model adds" puts true:n=10:k=1:push=dataset in pane 3: each of its model transitions
              is a copy of a real one. Over 30 runs (README) such copies made the learner no faster than real data alone
              (median 2,734 real steps to 195 against 2,704), while random pushes, half of them the push the data
              lack, brought the median to 2,611. With the Q updates per real step shared by all settings, what the
              model adds is what the buffer lacks.

            The PILCO lab
              The lecture's case study (Deisenroth and Rasmussen, ICML 2011): a Gaussian process per state
              component models the dynamics (squared exponential kernel, on the state change), so the model
              knows where it has no data (epistemic uncertainty). Multi-step predictions are not Gaussian;
              moment matching approximates the state at every step by a Gaussian with the exact mean and
              covariance. The cost 1 - exp(-d^2 / (2 * 0.25^2)), d the pole tip's distance from upright, and
              the RBF policy keep everything in closed form, so the expected total cost and its gradient
              (backpropagation through time) are exact. The loop: one trial of random forces, then per trial
              train the GPs on all data, optimise the policy on the model, apply it for 4 s, add the data.
              Per trial the lab shows the predicted states and cost per step (mean +- 2 sd) against the real
              rollout, the replay with the predicted pole tip (dot and 2-sigma ellipse) and the cost per trial
              (predicted against actual, successes in green). A recorded run shows at once; a live run
              computes in the background with its progress and Cancel. The policy is local: it is tailored to
              the states its data came from. Another start replays the picked trial's policy from a start you
              type and predicts it on that trial's model from there. Far from the data the model says it does
              not know: the bands widen and the predicted cost rises towards 40 (the preset "PILCO: the
              learned policy from another start" starts 0.5 m to the side), and the policy, tuned to the
              starts it has seen, may fail. From upright it predicts, and gets, almost no cost. The preset
              "PILCO with the GP mean only" optimises on the GP mean without its uncertainty: it trusts its
              model where it has no data and never swings up.
            """;
}
