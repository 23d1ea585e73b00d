/**
 * Pruning masks, pruning methods and schedules.
 */
package org.expanderexplorer.core.pruning;
