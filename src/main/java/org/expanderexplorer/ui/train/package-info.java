/** Training a new model and fine-tuning the open one at a q, in dialogs with progress and cancellation. */
package org.expanderexplorer.ui.train;
