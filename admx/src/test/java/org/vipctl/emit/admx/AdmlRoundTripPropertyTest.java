package org.vipctl.emit.admx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vipctl.admx.AdmxReader;
import org.vipctl.admx.ElementKind;
import org.vipctl.admx.binding.LocalizedString;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.admx.lint.AdmxLinter;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever text the catalog holds (markup characters, quotes, blank lines, non-Latin scripts)
 * comes back from the written ADML exactly, and the written pair lints clean.
 */
class AdmlRoundTripPropertyTest {

    @Provide
    Arbitrary<String> texts() {
        // XML 1.0 cannot carry other control characters, and parsers turn CR into LF
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'ä', 'ß', 'é', '漢', 'Ж', '—')
                .ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank());
    }

    @Property(tries = 60)
    void stringsSurviveWritingAndReading(@ForAll("texts") String display, @ForAll("texts") String explain,
                                         @ForAll("texts") String label) throws IOException {
        Template.ElementDef e = new Template.ElementDef("Items", ElementKind.MULTI_TEXT, "", "Items", false,
                Map.of("en-US", label), List.of(), "x.items");
        Template.PolicyDef p = new Template.PolicyDef("P1", "Cat", "SUP", true, "SOFTWARE\\Prop", "On", 1L, 0L,
                Map.of("en-US", display), Map.of("en-US", explain), List.of(e), List.of("x.on", "x.items"),
                Location.ofFile("t"));
        Template t = new Template("Prop", "Prop.Policies", "prop", "1.0", "Prop", List.of("en-US"),
                Map.of("en-US", display), Map.of("en-US", explain), Map.of(),
                List.of(new Template.Category("Cat", "", Map.of("en-US", display), Map.of("en-US", explain))),
                List.of(new Template.SupportedOn("SUP", Map.of("en-US", label))), List.of(p), Location.ofFile("t"));

        Path dir = Files.createTempDirectory("adml-prop");
        try {
            AdmxWriter w = new AdmxWriter();
            Files.write(dir.resolve("Prop.admx"), w.admx(t));
            Files.createDirectories(dir.resolve("en-US"));
            Path adml = dir.resolve("en-US/Prop.adml");
            Files.write(adml, w.adml(t, "en-US"));

            List<Diagnostic> out = new ArrayList<>();
            PolicyDefinitionResources r = new AdmxReader().read(adml, PolicyDefinitionResources.class, out)
                    .root().orElseThrow();
            assertEquals(List.of(), out);
            Map<String, String> strings = new java.util.HashMap<>();
            for (LocalizedString s : r.getResources().getStringTable().getString()) {
                strings.put(s.getId(), s.getValue());
            }
            assertEquals(display, strings.get("P1"));
            assertEquals(explain, strings.get("P1_Help"));
            assertEquals(label, strings.get("SUP"));
            assertEquals(List.of(), new AdmxLinter(false).lint(List.of(dir)).diagnostics());
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
