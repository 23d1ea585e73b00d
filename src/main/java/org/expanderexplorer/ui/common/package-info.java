/**
 * Leaves shared by the window's views: style-class names, the number cells of the numbers strips, the side panels'
 * scrolling and width, and the screen a window is on.
 */
package org.expanderexplorer.ui.common;
