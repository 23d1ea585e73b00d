/** The JavaFX explorer window: one View and ViewModel per panel; only ViewModels call core. */
package org.expanderexplorer.ui;
