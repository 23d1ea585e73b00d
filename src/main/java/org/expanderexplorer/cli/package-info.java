/** The headless command line (picocli): one subcommand per task, over the same core services as the window. */
package org.expanderexplorer.cli;
