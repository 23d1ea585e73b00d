/**
 * Small file helpers shared by every feature that reads or writes files: atomic writes (a temporary file in the
 * target's folder, then an atomic rename, so that a crash never leaves a half-written result), outputs written
 * together ({@link org.expanderexplorer.core.io.RunFolder}, {@link org.expanderexplorer.core.io.FileGroup},
 * {@link org.expanderexplorer.core.io.TargetLock}), the exact text form of numbers (shortest round-trip output,
 * strict finite parsing), SHA-256 digests, the one JSON writer ({@link org.expanderexplorer.core.io.Json}), the
 * provenance record every result file carries ({@link org.expanderexplorer.core.io.Provenance}), and the checks
 * every reader of an untrusted file makes before it allocates: only regular files
 * ({@link org.expanderexplorer.core.io.InputFiles}), declared sizes against the heap
 * ({@link org.expanderexplorer.core.io.HeapBudget}), float64 values that must survive float32
 * ({@link org.expanderexplorer.core.io.Float32Range}).
 *
 * <p>The bottom of core's layering (decision 0018): it uses no other package of the application, so every other
 * package can use it without creating a cycle. That is also why the JSON writer and the provenance record live
 * here rather than with the reports: models, sessions and graph files write JSON too.
 */
package org.expanderexplorer.core.io;
