package org.expanderexplorer.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheBuildTheModelHashAndEverySeedInAFixedKeyOrder() throws IOException {
        Path model = Files.writeString(dir.resolve("m.zip"), "abc");
        Provenance p = Provenance.now().withModelFile(model).withDataSet("digits8-test")
                .withPruning("random", 25.0).withSeed("pruning", 7).withSeed("accuracySubset", 3);
        // the Maven build writes build.properties; the tests run on its output
        assertThat(p.version()).isNotBlank();
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1)
        assertThat(p.modelSha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        JsonNode json = Json.readTree(Json.bytes(p));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("tool", "version", "commit", "model", "modelSha256", "dataSet", "method",
                "q", "seeds", "createdAt");
        List<String> seeds = new ArrayList<>();
        json.get("seeds").fieldNames().forEachRemaining(seeds::add);
        assertThat(seeds).containsExactly("pruning", "accuracySubset");
        assertThat(json.get("q").asDouble()).isEqualTo(25.0);
        assertThat(json.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void aMatrixWithoutDataHasNullsNotGuesses() {
        Provenance p = Provenance.now();
        assertThat(p.model()).isNull();
        assertThat(p.modelSha256()).isNull();
        assertThat(p.dataSet()).isNull();
        assertThat(p.seeds()).isEmpty();
        assertThat(Json.write(p)).contains("\"model\" : null");
    }
}
