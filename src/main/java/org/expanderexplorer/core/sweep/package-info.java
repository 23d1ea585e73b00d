/**
 * Sparsity sweeps: accuracy and gaps against the percentage of edges kept, zero crossings, the stopping rule;
 * one-shot and iterative schedules with optional fine-tuning between rounds ({@link
 * org.expanderexplorer.core.sweep.FineTuner}). What is pruned (a model or a matrix, its data set and its pruning
 * state) lives in {@link org.expanderexplorer.core.subject}.
 */
package org.expanderexplorer.core.sweep;
