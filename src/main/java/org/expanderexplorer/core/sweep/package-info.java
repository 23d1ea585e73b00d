/**
 * Sparsity sweeps: accuracy and gaps against the percentage of edges kept, zero crossings, the stopping rule.
 */
package org.expanderexplorer.core.sweep;
