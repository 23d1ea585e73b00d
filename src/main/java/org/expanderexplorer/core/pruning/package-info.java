/**
 * Pruning masks, pruning methods and schedules. Besides magnitude, global, random, top-k and expansion-preserving
 * pruning: the paper's gap-keeping method ({@link org.expanderexplorer.core.pruning.PruningMethod#RAMANUJAN}, with
 * {@link org.expanderexplorer.core.pruning.GapFloor} and {@link org.expanderexplorer.core.pruning.MonitoredGap}) and
 * near-biregular budgets ({@link org.expanderexplorer.core.pruning.PruningMethod#BALANCED}).
 */
package org.expanderexplorer.core.pruning;
