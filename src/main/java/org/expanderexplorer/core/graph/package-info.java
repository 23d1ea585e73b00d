/**
 * Bipartite layer graphs built from plain weight matrices (rows = left vertices, columns = right vertices),
 * their readers and writers (CSV, Matrix Market), per-gate slices of stacked LSTM matrices, the time-unfolded
 * graph of a recurrent layer, and the teaching graphs (complete bipartite, cycles, Heawood, projective planes,
 * random biregular and random bipartite).
 */
package org.expanderexplorer.core.graph;
