package org.expanderexplorer.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files: a round trip, and every named setting checked on load with the file in the message. */
class SessionTest {

    @TempDir
    Path dir;

    private final Session good = new Session(Session.FORMAT, "sample:smnist-lstm128", 20.0, "magnitude", "BOTH",
            true, "hh.f", true, 3, false, 7);

    @Test
    void savedSessionLoadsWithEqualValues() {
        Path file = dir.resolve("a.session.json");
        good.save(file);
        assertThat(Session.load(file)).isEqualTo(good);
    }

    @Test
    void unknownPruningMethodScopeOrGraphIsRefusedNamingFileAndValue() throws Exception {
        assertRefused("\"method\" : \"magnitude\"", "\"method\" : \"sharpest\"",
                "has an unknown pruning method 'sharpest'");
        assertRefused("\"scope\" : \"BOTH\"", "\"scope\" : \"ALL\"",
                "has an unknown scope 'ALL' (known: IH, HH, BOTH)");
        assertRefused("\"graph\" : \"hh.f\"", "\"graph\" : \"hh.z\"", "has an unknown graph 'hh.z'");
        assertRefused("\"graph\" : \"hh.f\"", "\"graph\" : \"layer7\"", "has an unknown graph 'layer7'");
        assertRefused("\"method\" : \"magnitude\"", "\"method\" : null", "names no pruning method");
    }

    /** Each field by name, without Jackson's internal messages; nothing but a regular file is read. */
    @Test
    void wrongTypesAndNullsAreNamedByField() throws Exception {
        assertRefused("\"window\" : 3", "\"window\" : null", "field 'window' is null; expected a whole number");
        assertRefused("\"window\" : 3", "\"window\" : 3.5", "field 'window' is 3.5; expected a whole number");
        assertRefused("\"window\" : 3", "\"window\" : 99999999999", "field 'window' is 99999999999; expected a whole "
                + "number");
        assertRefused("\"keepPercent\" : 20.0", "\"keepPercent\" : \"20\"", "field 'keepPercent' is \"20\"; expected a "
                + "number");
        assertRefused("\"dark\" : false", "\"dark\" : null", "field 'dark' is null; expected true or false");
        assertRefused("\"scope\" : \"BOTH\"", "\"scope\" : {\"@class\" : \"java.lang.Thread\"}",
                "field 'scope' is {\"@class\":\"java.lang.Thread\"}; expected a text");
        assertRefused("\"seed\" : 7", "\"seed\" : " + "[".repeat(3000) + "]".repeat(3000),
                "is not a session file (Document nesting depth (17) exceeds the maximum allowed (16, from "
                        + "`StreamReadConstraints.getMaxNestingDepth()`))");
        assertThatThrownBy(() -> Session.load(Path.of("/dev/zero"))).isInstanceOf(BadInputException.class)
                .hasMessage("/dev/zero: is not a regular file (a device, FIFO or socket), so it cannot be a session "
                        + "file");
    }

    private void assertRefused(String from, String to, String problem) throws Exception {
        Path ok = dir.resolve("ok.session.json");
        good.save(ok);
        String text = Files.readString(ok, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Path bad = dir.resolve("bad.session.json");
        Files.writeString(bad, text.replace(from, to), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Session.load(bad))
                .isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": " + problem);
    }
}
