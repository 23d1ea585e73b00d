package org.expanderexplorer.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;

/**
 * The seeds of a multi-seed run, parsed from {@code 1,2,3}, a range {@code 1-5} (or {@code 1..5}), or a mix such as
 * {@code 1,4-6}; kept in the order given.
 *
 * @param values the seeds, distinct, at least one
 */
public record SeedList(List<Long> values) {

    /** Most seeds in one run: a bound on a typing slip such as {@code 1-10000000}. */
    public static final int MAX_SEEDS = 1_000;

    public SeedList {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new BadInputException("--seeds names no seed");
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new BadInputException("--seeds repeats a seed: " + values);
        }
    }

    /**
     * Parses a seed list.
     *
     * @throws BadInputException for anything but non-negative whole numbers and ascending ranges
     */
    public static SeedList parse(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        List<Long> order = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            String[] range = p.contains("..") ? p.split("\\.\\.", -1) : p.split("(?<=\\d)-", -1);
            long from = number(range[0], text);
            long to = range.length == 2 ? number(range[1], text) : from;
            if (range.length > 2 || to < from) {
                throw new BadInputException("--seeds: '" + p + "' is not a seed or an ascending range like 1-5");
            }
            if (to - from >= MAX_SEEDS) {
                throw new BadInputException("--seeds: more than " + MAX_SEEDS + " seeds in '" + p + "'");
            }
            for (long s = from; s <= to; s++) {
                if (!seeds.add(s)) {
                    throw new BadInputException("--seeds names seed " + s + " twice: " + text);
                }
                order.add(s);
            }
            if (order.size() > MAX_SEEDS) {
                throw new BadInputException("--seeds: more than " + MAX_SEEDS + " seeds");
            }
        }
        return new SeedList(order);
    }

    private static long number(String s, String all) {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("--seeds: '" + s.strip() + "' in '" + all + "' is not a seed (a whole number "
                    + ">= 0); write 1,2,3 or 1-3");
        }
    }

    /** The seeds as text, e.g. {@code 1,2,3}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (long s : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(s);
        }
        return sb.toString();
    }
}
