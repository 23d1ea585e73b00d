/**
 * The window's document lifecycle: what is open (a model with its data, a matrix, a session's settings, a model
 * trained or fine-tuned in the window), opening it through one path, its title and unsaved state, saving and
 * exporting it; and the dialog service through which these ViewModels ask the user (file choosers, alerts,
 * notifications), so that the lifecycle is tested without a toolkit.
 */
package org.expanderexplorer.ui.document;
