package org.expanderexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --debug} is seen before any logger exists; the window is chosen with or without it. */
class LauncherTest {

    @Test
    void debugIsFoundAnywhereBeforeTheEndOfOptions() {
        assertThat(Launcher.debugRequested(new String[] {"--debug", "inspect"})).isTrue();
        assertThat(Launcher.debugRequested(new String[] {"inspect", "--model", "m.zip", "--debug"})).isTrue();
        assertThat(Launcher.debugRequested(new String[] {"inspect", "--", "--debug"})).isFalse();
        assertThat(Launcher.debugRequested(new String[] {"--debugging"})).isFalse();
        assertThat(Launcher.debugRequested(new String[0])).isFalse();
    }

    @Test
    void theWindowOpensWithOrWithoutDebug() {
        assertThat(Launcher.wantsGui(Launcher.withoutDebug(new String[] {"--debug"}))).isTrue();
        assertThat(Launcher.wantsGui(Launcher.withoutDebug(new String[] {"--open", "m.zip", "--debug"}))).isTrue();
        assertThat(Launcher.withoutDebug(new String[] {"--open", "--debug", "m.zip"}))
                .containsExactly("--open", "m.zip");
        assertThat(Launcher.wantsGui(Launcher.withoutDebug(new String[] {"--debug", "inspect"}))).isFalse();
        assertThat(Launcher.wantsGui(new String[] {"inspect", "--model"})).isFalse();
    }

    record Run(int code, String out, String err) {
    }

    /** The launcher in a fresh JVM (logging is configured once per process), started without the vector API. */
    private static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private static Run finish(Process p) throws Exception {
        // both streams are small here: read them after exit
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void debugRaisesLibraryLoggingAndQuietKeepsStderrClean() throws Exception {
        String model = Path.of("sample-models", "digits8-rnn12.zip").toString();
        Process debug = start("--debug", "inspect", "--model", model);
        Process quiet = start("inspect", "--model", model);
        Run d = finish(debug);
        Run q = finish(quiet);
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(q.out()).contains("layer0.hh");
        assertThat(d.out()).isEqualTo(q.out());
        // ND4J's start-up is logged at INFO and its native loading at DEBUG: seen only with --debug
        assertThat(d.err()).contains("DEBUG ").contains("INFO ");
        assertThat(q.err()).doesNotContain("DEBUG ").doesNotContain("INFO ");
    }

    @Test
    void theWindowWithoutADisplayIsOneLine() {
        assertThat(Launcher.noDisplay(java.util.Map.of(), "Linux", null))
                .isEqualTo("the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; the command "
                        + "line works without one (see --help)");
        assertThat(Launcher.noDisplay(java.util.Map.of("DISPLAY", ":0"), "Linux", null)).isNull();
        assertThat(Launcher.noDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isNull();
        assertThat(Launcher.noDisplay(java.util.Map.of(), "Linux", "Monocle")).isNull();
        assertThat(Launcher.noDisplay(java.util.Map.of(), "Windows 11", null)).isNull();
    }

    @Test
    void withoutTheVectorModuleItStartsItselfAgainWithIt() throws Exception {
        String[] bench = {"bench", "--model", Path.of("sample-models", "digits8-rnn12.zip").toString(), "--data",
            "digits8", "--limit", "20", "--keep", "none", "--repeat", "1", "--warmup", "0"};
        Process relaunched = start(bench);
        Process off = start(List.of("-D" + VectorRelaunch.PROPERTY + "=false"), bench);
        Process bad = start("inspect", "--model", "no-such-model.zip");
        Run r = finish(relaunched);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("inferencePath +vector API");
        // the JVM's notice about the incubator module is not passed on
        assertThat(r.err()).doesNotContain("incubator");
        Run o = finish(off);
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).containsPattern("inferencePath +Deeplearning4j");
        // exit code and error line come through
        Run b = finish(bad);
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err().strip()).startsWith("error: ").contains("no-such-model.zip").doesNotContain("\n");
    }

    @Test
    void theNoticeIsDroppedOnlyWhereItStands() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        VectorRelaunch.copyErrors(new java.io.ByteArrayInputStream((VectorRelaunch.NOTICE + "\nprogress 1\rprogress 2")
                .getBytes(StandardCharsets.UTF_8)), new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("progress 1\rprogress 2");
        out.reset();
        VectorRelaunch.copyErrors(new java.io.ByteArrayInputStream("error: x\n".getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("error: x\n");
    }
}
