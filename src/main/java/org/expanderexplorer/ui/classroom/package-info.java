/**
 * Classroom mode: small teaching graphs and the classroom model, edited edge by edge (step mode, clicks, undo and
 * redo, named snapshots), with linked views (singular vectors, Fiedler vector, optimal Cheeger set, degree
 * histogram, a random biregular reference) and presentation settings (150 % and 200 % scale, high contrast, an
 * explanation panel with the current numbers plugged into the formulas). One View and ViewModel per panel; only
 * ViewModels call core.
 */
package org.expanderexplorer.ui.classroom;
