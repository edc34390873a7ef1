package org.vipctl.format.pol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code vipctl pol show}: streams a Registry.pol as LGPO text or JSON. The file is checked whole
 * before the first line is written, then read record by record, so memory stays flat for large files.
 */
public final class PolShow {

    public enum Format { LGPO, JSON }

    private PolShow() {
    }

    /** {@code User} when the file sits in a {@code User} folder (as in a GPO), otherwise {@code Computer}. */
    public static String scopeOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().toLowerCase(Locale.ROOT).equals("user")) {
            return "User";
        }
        return "Computer";
    }

    /** Returns the number of records written. */
    public static long show(Path file, Format format, String scope, Writer out) throws IOException {
        // one large buffer between the many small writes and the caller's (often synchronized) writer
        BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
        long n = format == Format.JSON ? json(file, scope, buffered) : lgpo(file, scope, buffered);
        buffered.flush();
        return n;
    }

    private static long lgpo(Path file, String scope, Writer out) throws IOException {
        long[] n = {0};
        out.write("; Registry.pol " + file + " (" + scope + ")\n\n");
        try {
            PolReader.forEach(file, PolReader.DEFAULT_MAX_BYTES, r -> {
                try {
                    LgpoText.append(out, scope, r);
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write("; " + n[0] + " record" + (n[0] == 1 ? "" : "s") + "\n");
        out.flush();
        return n[0];
    }

    private static long json(Path file, String scope, Writer out) throws IOException {
        long[] n = {0};
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("file", file.toString());
        g.writeStringField("scope", scope);
        g.writeFieldName("records");
        g.writeStartArray();
        try {
            PolReader.forEach(file, PolReader.DEFAULT_MAX_BYTES, r -> {
                try {
                    PolJson.write(g, r);
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        g.writeEndArray();
        g.writeNumberField("count", n[0]);
        g.writeEndObject();
        g.flush();
        out.write("\n");
        out.flush();
        return n[0];
    }
}
