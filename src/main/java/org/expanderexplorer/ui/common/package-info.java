/** Leaves shared by the window's views: style-class names and the number cells of the numbers strips. */
package org.expanderexplorer.ui.common;
