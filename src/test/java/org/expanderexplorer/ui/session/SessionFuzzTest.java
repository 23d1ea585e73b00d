package org.expanderexplorer.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.fuzz.FuzzHarness;
import org.expanderexplorer.core.fuzz.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session files against seeded mutations (the loader fuzz suite's harness, see {@code core.fuzz.FuzzHarness}):
 * byte- and line-level damage, and JSON-aware damage (a value replaced by another type, an extreme number, deep
 * nesting, a long string; a key dropped). Each load ends in a valid session or a one-line
 * {@link BadInputException} naming the file, within the time and allocation limits.
 */
class SessionFuzzTest {

    @TempDir
    Path dir;

    private static final Pattern VALUE = Pattern.compile("(\"\\w+\" : )([^,\\n]*)(,?)");
    private static final String[] VALUES = {"null", "\"x\"", "\"\"", "[]", "{}", "[1, 2]", "{\"a\" : 1}", "true",
        "-1", "0", "1e400", "-1e400", "2147483648", "-2147483649", "99999999999999999999", "NaN", "1.5", "28",
        "29", "100", "100.0000001", "\"20\"", "\"\\u0000\\n\"", "[".repeat(3000) + "]".repeat(3000),
        "\"" + "y".repeat(200_000) + "\""};

    /** A JSON value replaced by another, or a member dropped; otherwise {@link Mutator#text}. */
    static Mutator.Mutant json(byte[] valid, Random r) {
        if (r.nextInt(3) == 0) {
            return Mutator.text(valid, r);
        }
        String s = new String(valid, StandardCharsets.UTF_8);
        Matcher m = VALUE.matcher(s);
        List<MatchResult> members = m.results().map(MatchResult::new).toList();
        MatchResult at = members.get(r.nextInt(members.size()));
        if (r.nextInt(6) == 0) {
            String out = s.substring(0, at.start()) + s.substring(at.end());
            return new Mutator.Mutant(out.getBytes(StandardCharsets.UTF_8), "member " + at.key() + " dropped");
        }
        String value = VALUES[r.nextInt(VALUES.length)];
        String out = s.substring(0, at.valueStart()) + value + s.substring(at.valueEnd());
        String shown = value.length() > 20 ? value.substring(0, 20) + "... (" + value.length() + " chars)" : value;
        return new Mutator.Mutant(out.getBytes(StandardCharsets.UTF_8), at.key() + " -> " + shown);
    }

    /** Where one "key" : value member is. */
    private record MatchResult(String key, int start, int end, int valueStart, int valueEnd) {
        MatchResult(java.util.regex.MatchResult m) {
            this(m.group(1).strip(), m.start(), m.end(), m.start(2), m.end(2));
        }
    }

    @Test
    void mutatedSessionFilesEndInAResultOrAOneLineErrorNamingTheFile() throws Exception {
        Path good = dir.resolve("good.session.json");
        new Session(Session.FORMAT, "sample:smnist-lstm128", 20.0, "magnitude", "BOTH", true, "hh.f", false, 3,
                false, 7).save(good);
        byte[] valid = Files.readAllBytes(good);
        assertThat(Session.load(good).keepPercent()).isEqualTo(20.0);
        List<String> failures = FuzzHarness.run(dir, "fuzz.session.json", valid, SessionFuzzTest::json,
                Session::load, 3000, 801);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }
}
