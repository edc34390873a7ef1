package org.vipctl.detect;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** The capture fixtures in src/test/resources/detect, written from the documented formats. */
final class Fixtures {

    static final Charset OEM = Charset.forName(TextEncoding.DEFAULT_OEM);

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/detect/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture missing: " + name, e);
        }
    }

    static List<Capture> read(String... names) {
        return CaptureFiles.read(java.util.Arrays.stream(names).map(Fixtures::path).toList(), OEM);
    }

    static Capture one(String name) {
        List<Capture> c = read(name);
        if (c.size() != 1) {
            throw new IllegalStateException("expected one capture from " + name);
        }
        return c.get(0);
    }

    static LineReader lines(Path file) throws IOException {
        return LineReader.open(file, file.toString(), TextEncoding.of(file, file.toString(), OEM));
    }
}
