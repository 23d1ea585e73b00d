package org.expanderexplorer.cli;

import org.expanderexplorer.core.BadInputException;
import picocli.CommandLine.Option;

/**
 * The {@code --unfold STEPS} of {@code spectrum} and {@code inspect}: also the numbers of the time-unfolded graph,
 * over at most 1000 steps.
 */
final class UnfoldSteps {

    /** Most steps accepted: the unfolded graph grows linearly with them, and its numbers settle long before. */
    static final int MAX = 1000;

    @Option(names = "--unfold", paramLabel = "STEPS", description = "Also the numbers of the graph unfolded over "
            + "STEPS time steps (x_t -> h_t, h_{t-1} -> h_t), as the window draws it: lambda_2, sweep cut, Cheeger "
            + "bounds and the gaps of its bipartite step layers (JSON: unfolded, at the end).")
    Integer steps;

    /** Whether {@code --unfold} was given. */
    boolean given() {
        return steps != null;
    }

    /** Refuses a number of steps outside 1 .. {@link #MAX}. */
    void check() {
        if (steps != null && (steps < 1 || steps > MAX)) {
            throw new BadInputException("--unfold must be 1 .. " + MAX + " steps, got " + steps);
        }
    }
}
