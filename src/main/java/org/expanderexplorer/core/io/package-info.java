/**
 * Small file helpers shared by every feature that reads or writes files: atomic writes (a temporary file in the
 * target's folder, then an atomic rename, so that a crash never leaves a half-written result) and the exact
 * text form of numbers (shortest round-trip output, strict finite parsing).
 */
package org.expanderexplorer.core.io;
