/** Session files: what was open and how the explorer was set, saved as JSON and checked when read. */
package org.expanderexplorer.ui.session;
