/**
 * Sparsity sweeps: accuracy and gaps against the percentage of edges kept, zero crossings, the stopping rule;
 * one-shot and iterative schedules with optional fine-tuning between rounds ({@link
 * org.expanderexplorer.core.sweep.FineTuner}). What is pruned (a model or a matrix, its data set and its pruning
 * state) lives in {@link org.expanderexplorer.core.subject}.
 *
 * <p>A sweep sits above the subject in core's layering (decision 0018): it prunes a subject at each q, analyses
 * each monitored graph with {@code spectral} and asks the subject's probe for the accuracy. The crossings are
 * interpolated between grid points only where both neighbours are defined, and the grid itself is recorded with
 * the results, so a figure drawn later from the CSV shows the same crossings.
 */
package org.expanderexplorer.core.sweep;
