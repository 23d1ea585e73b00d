/**
 * The explorer's panels, one View and one ViewModel each (controls, graph, numbers strip, the chart panels'
 * figures), over the explorer's shared state: the subject, the slider and its settings, and the background
 * analysis that follows them.
 */
package org.expanderexplorer.ui.explorer;
