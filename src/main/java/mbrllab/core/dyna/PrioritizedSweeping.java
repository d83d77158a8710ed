package mbrllab.core.dyna;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import mbrllab.core.maze.MazeDynamics;

/**
 * Prioritized sweeping for a deterministic maze, the boxed algorithm of Sutton and Barto, Section 8.4:
 * <pre>
 * (a) x &lt;- current (non-terminal) state
 * (b) u &lt;- epsilon-greedy(Q, x)
 * (c) take u, observe r, x'
 * (d) Model(x,u) &lt;- x', r
 * (e) P &lt;- |r + gamma max_u' Q(x',u') - Q(x,u)|
 * (f) if P &gt; theta, insert (x,u) into the queue with priority P
 * (g) repeat n times, while the queue is not empty:
 *       (x,u) &lt;- the pair of highest priority, removed from the queue
 *       x', r &lt;- Model(x,u)
 *       Q(x,u) &lt;- Q(x,u) + alpha (r + gamma max_u' Q(x',u') - Q(x,u))
 *       for every (xb,ub) the model predicts to lead to x:
 *         rb &lt;- Model(xb,ub)'s reward
 *         P &lt;- |rb + gamma max_u Q(x,u) - Q(xb,ub)|
 *         if P &gt; theta, insert (xb,ub) into the queue with priority P
 * </pre>
 * max Q(x',.) counts as 0 when x' is terminal. Inserting a pair that is already queued keeps only the higher of
 * the two priorities (as the book says); among equal priorities the pair queued first comes out first. The real
 * step makes no Q update of its own: real experience reaches Q through the queue, so {@link #updates()} counts
 * the updates of (g) only.
 *
 * <p>Predecessors come from the model: every pair (x,u) is kept on the list of the state Model(x,u) predicts,
 * and moves to another list when a real step changes its prediction (slippery or changing mazes).
 *
 * <p>The queue is an indexed binary heap over the pairs x * 4 + u: insert, raise and remove the top in
 * O(log size), no allocation. Random numbers, changes, slip and array layout: see {@link MazeAgent}. Not
 * thread-safe.
 */
public final class PrioritizedSweeping extends MazeAgent {

    /** Largest theta accepted. */
    public static final double MAX_THETA = 1.0;

    /**
     * One entry of the priority queue.
     *
     * @param x        state index
     * @param u        action index
     * @param priority its priority, the |TD error| it was queued with (&gt; theta)
     */
    public record QueueEntry(int x, int u, double priority) {
    }

    private final double theta;

    /** heap[i] = the pair at heap position i, for i &lt; size. */
    private final int[] heap;
    /** Priority of the pair at heap position i (kept by position, so that sifting reads neighbouring memory). */
    private final double[] priority;
    /** Insertion number of the pair at heap position i, for first-in-first-out among equal priorities. */
    private final long[] order;
    /** Heap position of every pair, -1 when it is not queued. */
    private final int[] heapPos;
    private int size;
    private long insertions;

    /** First pair whose model predicts the state, per state, -1 for none; pairs are chained through predNext. */
    private final int[] predHead;
    private final int[] predNext;
    private final int[] predPrev;

    /**
     * @param params   alpha, gamma, epsilon, n (the most updates per real step) and the tie-breaking rule (its
     *                 planning sampling rule does not apply)
     * @param theta    priority threshold, in [0, 1]
     * @param dynamics the maze
     * @param realSeed seed of the real-step generator (share it for common random numbers)
     * @param planSeed seed of the planning generator (unused by this algorithm, kept for a uniform API)
     * @throws IllegalArgumentException when theta is out of range
     */
    public PrioritizedSweeping(DynaParams params, double theta, MazeDynamics dynamics, long realSeed, long planSeed) {
        super(params, dynamics, realSeed, planSeed);
        if (!(theta >= 0 && theta <= MAX_THETA)) {
            throw new IllegalArgumentException("theta must be in [0, " + MAX_THETA + "], got " + theta);
        }
        this.theta = theta;
        int pairs = stateCount * A;
        this.heap = new int[pairs];
        this.heapPos = new int[pairs];
        Arrays.fill(heapPos, -1);
        this.priority = new double[pairs];
        this.order = new long[pairs];
        this.predHead = new int[stateCount];
        Arrays.fill(predHead, -1);
        this.predNext = new int[pairs];
        this.predPrev = new int[pairs];
    }

    @Override
    public PrioritizedSweeping copy() {
        PrioritizedSweeping c = new PrioritizedSweeping(params, theta, dynamics, 0, 0);
        copyStateTo(c);
        System.arraycopy(heap, 0, c.heap, 0, heap.length);
        System.arraycopy(heapPos, 0, c.heapPos, 0, heapPos.length);
        System.arraycopy(priority, 0, c.priority, 0, priority.length);
        System.arraycopy(order, 0, c.order, 0, order.length);
        c.size = size;
        c.insertions = insertions;
        System.arraycopy(predHead, 0, c.predHead, 0, predHead.length);
        System.arraycopy(predNext, 0, c.predNext, 0, predNext.length);
        System.arraycopy(predPrev, 0, c.predPrev, 0, predPrev.length);
        return c;
    }

    @Override
    public AgentKind kind() {
        return AgentKind.PRIORITIZED_SWEEPING;
    }

    /** The priority threshold theta. */
    public double theta() {
        return theta;
    }

    /** Steps (d) to (f). */
    @Override
    void learn(int state, int u, double r, int next, boolean terminal) {
        int pair = state * A + u;
        int before = modelNext[pair];
        recordModel(state, u, r, next, terminal);
        if (before != next) {
            if (before >= 0) {
                unlink(pair, before);
            }
            link(pair, next);
        }
        double p = Math.abs(r + gamma * (terminal ? 0.0 : maxQ(next)) - q[pair]);
        if (p > theta) {
            insert(pair, p);
        }
    }

    /** {@code count} rounds of step (g), fewer when the queue runs empty. */
    @Override
    public void planningUpdates(int count) {
        for (int i = 0; i < count && size > 0; i++) {
            int pair = pop();
            int state = pair / A;
            int u = pair - state * A;
            lastPlanX = state;
            lastPlanU = u;
            lastPlanNext = modelNext[pair];
            update(DynaUpdate.Kind.PLANNING, state, u, modelReward[pair], 0.0, modelNext[pair], modelTerminal[pair]);
            double v = maxQ(state);
            for (int pb = predHead[state]; pb >= 0; pb = predNext[pb]) {
                double p = Math.abs(modelReward[pb] + gamma * (modelTerminal[pb] ? 0.0 : v) - q[pb]);
                if (p > theta) {
                    insert(pb, p);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- queue views

    /** Number of pairs in the queue. */
    public int queueSize() {
        return size;
    }

    /** The priority (x,u) is queued with, or 0 when it is not queued (queued priorities exceed theta &gt;= 0). */
    public double queuedPriority(int state, int u) {
        int position = heapPos[state * A + u];
        return position < 0 ? 0.0 : priority[position];
    }

    /**
     * The {@code k} entries that would leave the queue first, in that order (fewer when the queue is shorter).
     * Costs O(k log k); the queue is not changed.
     */
    public List<QueueEntry> queueTop(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        List<QueueEntry> top = new ArrayList<>(Math.min(k, size));
        if (size == 0 || k == 0) {
            return top;
        }
        PriorityQueue<Integer> frontier = new PriorityQueue<>((a, b) -> before(a, b) ? -1 : 1);
        frontier.add(0);
        while (top.size() < k && !frontier.isEmpty()) {
            int position = frontier.poll();
            int pair = heap[position];
            top.add(new QueueEntry(pair / A, pair % A, priority[position]));
            for (int child = 2 * position + 1; child <= 2 * position + 2 && child < size; child++) {
                frontier.add(child);
            }
        }
        return top;
    }

    /** The pairs the model predicts to lead to {@code state}, as x * 4 + u, most recently linked first. */
    public int[] predecessors(int state) {
        int count = 0;
        for (int pb = predHead[state]; pb >= 0; pb = predNext[pb]) {
            count++;
        }
        int[] pairs = new int[count];
        int i = 0;
        for (int pb = predHead[state]; pb >= 0; pb = predNext[pb]) {
            pairs[i++] = pb;
        }
        return pairs;
    }

    // ------------------------------------------------------------------------------------------- predecessors

    private void link(int pair, int state) {
        int head = predHead[state];
        predNext[pair] = head;
        predPrev[pair] = -1;
        if (head >= 0) {
            predPrev[head] = pair;
        }
        predHead[state] = pair;
    }

    private void unlink(int pair, int state) {
        int prev = predPrev[pair];
        int next = predNext[pair];
        if (prev >= 0) {
            predNext[prev] = next;
        } else {
            predHead[state] = next;
        }
        if (next >= 0) {
            predPrev[next] = prev;
        }
    }

    // ------------------------------------------------------------------------------------------- the heap

    /** True when the entry at heap position i leaves the queue before the one at j. */
    private boolean before(int i, int j) {
        return priority[i] > priority[j] || priority[i] == priority[j] && order[i] < order[j];
    }

    /** Queues {@code pair} with priority p, or raises its priority to p when it is queued with a lower one. */
    private void insert(int pair, double p) {
        int position = heapPos[pair];
        if (position >= 0) {
            if (p > priority[position]) {
                siftUp(position, pair, p, order[position]);
            }
            return;
        }
        siftUp(size++, pair, p, insertions++);
    }

    private int pop() {
        int top = heap[0];
        heapPos[top] = -1;
        size--;
        if (size > 0) {
            siftDown(heap[size], priority[size], order[size]);
        }
        return top;
    }

    /** Places (pair, p, o) at {@code position} or above it, moving lower entries down. */
    private void siftUp(int position, int pair, double p, long o) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            double pp = priority[parent];
            if (!(p > pp || p == pp && o < order[parent])) {
                break;
            }
            moveTo(parent, position);
            position = parent;
        }
        place(position, pair, p, o);
    }

    /** Places (pair, p, o) at the root or below it, moving higher entries up. */
    private void siftDown(int pair, double p, long o) {
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            double pc = priority[child];
            if (!(pc > p || pc == p && order[child] < o)) {
                break;
            }
            moveTo(child, position);
            position = child;
        }
        place(position, pair, p, o);
    }

    private void moveTo(int from, int to) {
        int pair = heap[from];
        heap[to] = pair;
        priority[to] = priority[from];
        order[to] = order[from];
        heapPos[pair] = to;
    }

    private void place(int position, int pair, double p, long o) {
        heap[position] = pair;
        priority[position] = p;
        order[position] = o;
        heapPos[pair] = position;
    }
}
