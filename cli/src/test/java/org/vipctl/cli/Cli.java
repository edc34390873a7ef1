package org.vipctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** vipctl run in this JVM, as {@link Main#run} runs it, for tests. */
final class Cli {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** The whole of stderr is one line (how every error is reported). */
        boolean oneErrorLine() {
            return err.strip().lines().count() == 1;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Path examples() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("examples").toAbsolutePath().normalize();
    }
}
