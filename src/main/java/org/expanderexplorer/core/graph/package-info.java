/**
 * Bipartite layer graphs built from plain weight matrices (rows = left vertices, columns = right vertices),
 * their readers and writers (CSV, Matrix Market), per-gate slices of stacked LSTM matrices, the time-unfolded
 * graph of a recurrent layer, and the teaching graphs (complete bipartite, cycles, Heawood, projective planes,
 * random biregular and random bipartite).
 *
 * <p>Two representations of one graph, on purpose: compact CSR arrays ({@link
 * org.expanderexplorer.core.graph.CsrGraph}) for the spectral code, which multiplies by the graph many times, and
 * JGraphT graphs ({@link org.expanderexplorer.core.graph.LabelledGraph}) where a library's algorithms or file
 * formats serve (export to GraphML, GEXF, DOT, node-link JSON; independent checks in tests). Decision 0017
 * measures the difference. This package uses only {@code io}: graphs come from matrices, never from models.
 */
package org.expanderexplorer.core.graph;
