package org.vipctl.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The collector script ({@code collect-vip.ps1} beside this class) that {@code vipctl detect
 * --print-collector} prints: PowerShell that writes the JSON {@link CollectorReader} reads.
 */
public final class Collector {

    static final String RESOURCE = "collect-vip.ps1";

    private Collector() {
    }

    public static String script() {
        try (InputStream in = Collector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
