/**
 * The engine of Expander Explorer: models, data, layer graphs, spectra, pruning, sweeps and reports. Nothing in
 * here imports JavaFX, the UI or the CLI; both front ends call these services.
 *
 * <p>The packages form layers, bottom up: {@code io}; {@code data}, {@code graph}; {@code spectral},
 * {@code pruning}, {@code model}; {@code subject}; {@code sweep}; {@code drawing}, {@code report}. Each uses only
 * the layers below it, no two packages or files depend on each other in a cycle, and an ArchUnit test keeps it so
 * (decision 0018). {@link org.expanderexplorer.core.BadInputException}, the one exception type for what the user
 * can fix, sits at the root where every layer can throw it, and so do the few helpers every layer shares:
 * {@link org.expanderexplorer.core.Lazy} (the cached result of an algorithm object),
 * {@link org.expanderexplorer.core.IndexSort} (indices by value, ties by index) and
 * {@link org.expanderexplorer.core.Shuffle} (the seeded random orders).
 */
package org.expanderexplorer.core;
