/**
 * Experiments over several seeds: a sweep run once per seed, split into shards that run anywhere (a Slurm job
 * array, GNU parallel) and merged back, and the spread over the seeds as tables and as figures with a band
 * (docs/decisions/0030).
 *
 * <p>Above {@code sweep} and {@code report} in core's layering: a
 * {@link org.expanderexplorer.core.experiment.SeedSweep} runs the units of a {@link org.expanderexplorer.core.experiment.SeedPlan} with the sweep runner and writes each
 * seed's table in the {@code sweep.csv} format; {@link org.expanderexplorer.core.experiment.SeedReport} writes the
 * summary, the crossings and the figures from those tables alone, so an unsharded run and a merge of its shards
 * write the same files.
 */
package org.expanderexplorer.core.experiment;
