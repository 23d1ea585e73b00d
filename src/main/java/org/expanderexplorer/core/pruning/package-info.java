/**
 * Pruning masks, pruning methods and schedules. Besides magnitude, global, random, top-k and expansion-preserving
 * pruning: the paper's gap-keeping method ({@link org.expanderexplorer.core.pruning.PruningMethod#RAMANUJAN}, with
 * {@link org.expanderexplorer.core.pruning.GapFloor} and {@link org.expanderexplorer.core.pruning.MonitoredGap}) and
 * near-biregular budgets ({@link org.expanderexplorer.core.pruning.PruningMethod#BALANCED}).
 *
 * <p>Pruning works on weight matrices, not on networks ({@code pruning -> spectral, graph} only, decision 0018): the same
 * pruner serves a layer of a model, a plain matrix file and a teaching graph. Every random choice takes a seed that
 * the outputs record, so a pruned state can be rebuilt from its method, q and seed.
 */
package org.expanderexplorer.core.pruning;
