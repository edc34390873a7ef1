package org.vipctl.imports;

import java.util.List;
import org.vipctl.diagnostic.Diagnostic;

/**
 * What an import produced: one YAML file per policy, the diagnostics (what could not be expressed,
 * what became a registry entry and why, the validator's findings on the result), and the counts of
 * the summary line. An error among the diagnostics means the policies are not fit to write.
 */
public record ImportResult(List<File> files, List<Diagnostic> diagnostics, int imported, int unrelated,
                           int notExpressible) {

    public ImportResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One policy file: the policy's name, the file name ({@code <name>.yaml}) and its bytes (UTF-8). */
    public record File(String policy, String fileName, byte[] content) {
        public File {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** {@code imported 7 values into 2 policies; 253 unrelated values left out; 1 value could not be expressed}. */
    public String summary() {
        StringBuilder b = new StringBuilder("imported ").append(count(imported, "value")).append(" into ")
                .append(files.size()).append(files.size() == 1 ? " policy" : " policies")
                .append("; ").append(count(unrelated, "unrelated value")).append(" left out");
        if (notExpressible > 0) {
            b.append("; ").append(count(notExpressible, "value")).append(" ")
                    .append("could not be expressed (see the warnings)");
        }
        return b.toString();
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
