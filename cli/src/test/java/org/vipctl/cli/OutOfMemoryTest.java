package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.apply.Engine;
import picocli.CommandLine;

/** Running out of memory is one line on stderr and exit code 1, never a stack trace. */
class OutOfMemoryTest {

    @TempDir
    Path tmp;

    /** A target whose opening runs out of memory, as reading a huge file with a raised limit does. */
    private static CommandLine.IFactory exhausting() {
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == TargetOptions.class) {
                    return (K) new TargetOptions() {
                        @Override
                        Engine.Target target(boolean forWriting) {
                            return new Engine.Target("regfile:huge.reg", java.util.List.of(), java.util.List.of(), () -> {
                                throw new OutOfMemoryError("Java heap space");
                            });
                        }
                    };
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
    }

    @Test
    void outOfMemoryInACommandIsOneLineAndExitOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), exhausting(),
                "plan", "--target=regfile:" + tmp.resolve("huge.reg"), Path.of(System.getProperty("vipctl.repo", ".."),
                        "examples").toString());
        assertEquals(1, code, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("vipctl: error: out of memory (Java heap space)"), err.toString());
        assertTrue(err.toString().contains("--max-input"), "says the way out: " + err);
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void withDebugTheTraceIsShown() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), exhausting(),
                "plan", "--debug", "--target=regfile:" + tmp.resolve("huge.reg"),
                Path.of(System.getProperty("vipctl.repo", ".."), "examples").toString());
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void anErrorInAnotherThreadIsOneLineToo() throws Exception {
        StringWriter err = new StringWriter();
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "vipctl-prepare");
        t.setUncaughtExceptionHandler(Main.quietHandler(new PrintWriter(err)));
        t.start();
        t.join();
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("vipctl: error: out of memory"), err.toString());
    }
}
