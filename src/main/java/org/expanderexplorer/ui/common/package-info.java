/**
 * Leaves shared by the window's views: style-class names, the number cells of the numbers strips, the side panels'
 * scrolling and width, the screen a window is on, and the small builders of labels, forms and dialogs.
 */
package org.expanderexplorer.ui.common;
