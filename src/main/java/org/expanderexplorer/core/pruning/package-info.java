/**
 * Pruning masks, pruning methods and schedules.
 *
 * <p>Pruning works on weight matrices, not on networks ({@code pruning -> graph} only, decision 0018): the same
 * pruner serves a layer of a model, a plain matrix file and a teaching graph. q is always a percentage of the dense
 * entry count, and every random choice takes a seed that the outputs record, so a pruned state can be rebuilt from
 * its method, q and seed.
 */
package org.expanderexplorer.core.pruning;
