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
