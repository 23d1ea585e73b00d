package org.expanderexplorer.core.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;

/**
 * Vertex sets of the time-unfolded graph written as text, for the command line: groups separated by {@code ;},
 * each a layer and its units, e.g. {@code x:0,1,2}, {@code h:5-9}, {@code x:0-3;h:7}. {@code x} means the inputs
 * x_1 (the rows of a plain matrix), {@code h} the hidden units h_0 entering step 1: together the left vertices of
 * the step graph at step 1. A step may be named, {@code x3:0} or {@code h2:4,5}. Units are numbered from 0;
 * {@code a-b} is a range including both ends.
 */
public final class VertexSets {

    private static final Pattern GROUP = Pattern.compile("([xh])(\\d*):(.*)");
    /** Most vertices a text set may name: a range typo like 0-99999999 must not fill the heap. */
    private static final int MAX_UNITS = 1 << 20;

    private VertexSets() {
    }

    /**
     * Parses a set.
     *
     * @param text   the set, e.g. {@code x:0,1,2}
     * @param inputs I, the input units (rows of a plain matrix)
     * @param hidden H, the hidden units (columns of a plain matrix); 0 when there are none to name
     * @param steps  T, the steps the set may name
     * @return the distinct vertices, in the order written
     * @throws BadInputException with one line naming the set and the problem
     */
    public static List<UnfoldedVertex> parse(String text, int inputs, int hidden, int steps) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("empty set: name units as x:0,1,2 (inputs) or h:5-9 (hidden units)");
        }
        Set<UnfoldedVertex> out = new LinkedHashSet<>();
        for (String part : text.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            Matcher m = GROUP.matcher(p);
            if (!m.matches()) {
                throw new BadInputException("set '" + text + "': '" + part.strip() + "' is not x:UNITS or h:UNITS "
                        + "(e.g. x:0,1,2 or h:5-9)");
            }
            Role role = m.group(1).equals("x") ? Role.X : Role.H;
            int step = m.group(2).isEmpty() ? (role == Role.X ? 1 : 0) : parseNumber(m.group(2), text);
            int size = role == Role.X ? inputs : hidden;
            int first = role == Role.X ? 1 : 0;
            String layer = role == Role.X ? "input" : "hidden";
            if (size == 0) {
                throw new BadInputException("set '" + text + "': there are no " + layer + " units to name here");
            }
            if (step < first || step > steps) {
                throw new BadInputException("set '" + text + "': step " + step + " is outside " + first + ".."
                        + steps);
            }
            for (String item : m.group(3).split(",")) {
                String it = item.strip();
                int dash = it.indexOf('-', 1);
                int lo = parseNumber(dash < 0 ? it : it.substring(0, dash), text);
                int hi = dash < 0 ? lo : parseNumber(it.substring(dash + 1), text);
                if (hi < lo) {
                    throw new BadInputException("set '" + text + "': range " + it + " runs backwards");
                }
                if (hi >= size) {
                    throw new BadInputException("set '" + text + "': " + layer + " unit " + hi + " does not exist ("
                            + size + " " + layer + " units, 0-" + (size - 1) + ")");
                }
                for (int u = lo; u <= hi; u++) {
                    out.add(new UnfoldedVertex(role, step, u));
                    if (out.size() > MAX_UNITS) {
                        throw new BadInputException("set '" + text + "' names more than " + MAX_UNITS + " units");
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int parseNumber(String s, String text) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            throw new BadInputException("set '" + text + "': '" + t + "' is not a unit number (0, 1, 2, ...)");
        }
        return Integer.parseInt(t);
    }

    /** Ascending units written compactly with ranges: {@code 0-3,7,9-10}. */
    public static String ranges(int[] ascending) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < ascending.length) {
            int j = i;
            while (j + 1 < ascending.length && ascending[j + 1] == ascending[j] + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(ascending[i]);
            if (j > i) {
                b.append('-').append(ascending[j]);
            }
            i = j + 1;
        }
        return b.toString();
    }
}
