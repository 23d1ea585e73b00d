package org.expanderexplorer.core.experiment;

import org.expanderexplorer.core.BadInputException;

/**
 * One of N shards of a run, written {@code K/N} with K in 1 .. N (as a Slurm job array's task id or GNU parallel's
 * job number gives it).
 *
 * @param index K, from 1
 * @param count N
 */
public record Shard(int index, int count) {

    /** Most shards: more than the units of any sensible run. */
    public static final int MAX_COUNT = 100_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new BadInputException("--shard must be K/N with 1 <= K <= N <= " + MAX_COUNT + ", got " + index
                    + "/" + count);
        }
    }

    /** The whole run as one shard. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * Parses {@code K/N}.
     *
     * @throws BadInputException for any other form
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--shard must be K/N (e.g. 3/8), got '" + text + "'");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
