/**
 * Small file helpers shared by every feature that reads or writes files: atomic writes (a temporary file in the
 * target's folder, then an atomic rename, so that a crash never leaves a half-written result), outputs written
 * together ({@link org.expanderexplorer.core.io.RunFolder}, {@link org.expanderexplorer.core.io.FileGroup},
 * {@link org.expanderexplorer.core.io.TargetLock}), the exact text form of numbers (shortest round-trip output,
 * strict finite parsing), and the checks every reader of an untrusted file makes before it allocates: only regular
 * files ({@link org.expanderexplorer.core.io.InputFiles}), declared sizes against the heap
 * ({@link org.expanderexplorer.core.io.HeapBudget}), float64 values that must survive float32
 * ({@link org.expanderexplorer.core.io.Float32Range}).
 */
package org.expanderexplorer.core.io;
