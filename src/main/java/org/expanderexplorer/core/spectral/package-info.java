/**
 * Spectra of layer graphs: singular values, the Ramanujan gaps Delta_S and Delta_R, the Laplacian's Fiedler value,
 * Cheeger bounds, sweep cuts and exact Cheeger constants (science.md, sections 2 to 4).
 *
 * <p>Entry points: {@link org.expanderexplorer.core.spectral.LayerAnalysis} for one bipartite layer graph and
 * {@link org.expanderexplorer.core.spectral.GraphAnalysis} for a general graph such as the time-unfolded one, and
 * {@link org.expanderexplorer.core.spectral.UnfoldedAnalysis} for the unfolded graph with the gaps of its step layers.
 * The gap variants of other implementations are {@link org.expanderexplorer.core.spectral.GapVariants}; a repeated
 * lambda_2's sweep cut is taken over its eigenspace ({@code FiedlerEigenspace}).
 * The pieces ({@link org.expanderexplorer.core.spectral.SingularValues},
 * {@link org.expanderexplorer.core.spectral.RamanujanGaps}, {@link org.expanderexplorer.core.spectral.FiedlerSolver},
 * {@link org.expanderexplorer.core.spectral.SweepCut}, {@link org.expanderexplorer.core.spectral.ExactCheeger},
 * {@link org.expanderexplorer.core.spectral.CheegerBounds}) can be used alone. Algorithms take their inputs in the
 * constructor, compute on first request, cache, and return immutable records; undefined values are null, never
 * NaN.
 */
package org.expanderexplorer.core.spectral;
