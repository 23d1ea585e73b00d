/**
 * Small file helpers shared by every feature that reads or writes files: atomic writes (a temporary file in the
 * target's folder, then an atomic rename, so that a crash never leaves a half-written result) and the exact
 * text form of numbers (shortest round-trip output, strict finite parsing), SHA-256 digests, the one JSON writer
 * ({@link org.expanderexplorer.core.io.Json}) and the provenance record every result file carries
 * ({@link org.expanderexplorer.core.io.Provenance}).
 *
 * <p>The bottom of core's layering (decision 0018): it uses no other package of the application, so every other
 * package can use it without creating a cycle. That is also why the JSON writer and the provenance record live
 * here rather than with the reports: models, sessions and graph files write JSON too.
 */
package org.expanderexplorer.core.io;
