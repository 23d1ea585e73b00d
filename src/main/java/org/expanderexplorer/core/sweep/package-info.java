/**
 * Sparsity sweeps: accuracy and gaps against the percentage of edges kept, zero crossings, the stopping rule;
 * one-shot and iterative schedules with optional fine-tuning between rounds ({@link
 * org.expanderexplorer.core.sweep.FineTuner}), and the export of pruned models
 * ({@link org.expanderexplorer.core.sweep.PrunedModelExport}).
 */
package org.expanderexplorer.core.sweep;
