package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.citrix.CliXmlReader;
import org.vipctl.format.citrix.CliXmlWriter;

/** {@code vipctl compile --emit citrix} on the repository's examples, through the packaged jar. */
class CitrixCompileIT {

    private static final Path REPO = Path.of(System.getProperty("vipctl.repo", "."));

    private record Run(int code, String out, String err) {
    }

    private static Run vipctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("vipctl.jar")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vipctl-out", ".txt");
        Path err = Files.createTempFile("vipctl-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(REPO.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void compilesEveryExampleWithCitrixSettingsIntoAllFourForms(@TempDir Path out) throws Exception {
        Run r = vipctl("compile", "--notes", "--emit", "citrix", "-o", out.toString(), "examples/");
        assertEquals(0, r.code(), r.err());
        Path citrix = out.resolve("citrix");
        List<String> withCitrix = new ArrayList<>();
        try (Stream<Path> examples = Files.list(REPO.resolve("examples"))) {
            for (Path e : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(e);
                if (text.contains("citrixVirtualLoopback:")) {
                    String name = text.lines().filter(l -> l.strip().startsWith("name:")).findFirst().orElseThrow()
                            .strip().substring("name:".length()).strip();
                    withCitrix.add(name);
                }
            }
        }
        assertFalse(withCitrix.isEmpty(), "the examples include a Citrix policy");
        for (String name : withCitrix) {
            for (String file : List.of(name + ".rest.json", name + ".tf", "Import-" + name + ".ps1")) {
                assertTrue(Files.isRegularFile(citrix.resolve(file)), file + " missing; wrote: " + r.out());
            }
            new ObjectMapper().readTree(citrix.resolve(name + ".rest.json").toFile());
        }
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setNamespaceAware(true);
        for (String file : List.of("GroupPolicy.xml", "GroupPolicyConfiguration.xml", "GroupPolicyFilter.xml")) {
            byte[] bytes = Files.readAllBytes(citrix.resolve(file));
            assertEquals("Objs", dbf.newDocumentBuilder().parse(citrix.resolve(file).toFile()).getDocumentElement().getLocalName());
            String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
            String comment = text.substring(0, text.indexOf("-->") + 3);
            String body = text.substring(comment.length()).replaceFirst("^\r\n", "");
            assertEquals(body, CliXmlWriter.toText(CliXmlReader.read(bytes), ""),
                    file + " reads back into objects that write the same document");
        }
        assertTrue(r.err().contains("VIP071"), "the unconfirmed paths are reported: " + r.err());
    }

    @Test
    void aBadCitrixSettingPathIsAUsageError(@TempDir Path out) throws Exception {
        Run r = vipctl("compile", "--emit", "citrix", "--citrix-setting-path", "VirtualLoopbackSupport=VirtualIP\\Other",
                "-o", out.toString(), "examples/");
        assertEquals(64, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("must end with the setting name"), r.err());
        assertFalse(Files.exists(out.resolve("citrix")), "nothing written");
    }

    @Test
    void anOverriddenPathReachesTheExport(@TempDir Path out) throws Exception {
        Run r = vipctl("compile", "--emit", "citrix", "--citrix-setting-path",
                "VirtualLoopbackPrograms=ICA\\VirtualIP\\VirtualLoopbackPrograms", "-o", out.toString(), "examples/");
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(out.resolve("citrix/GroupPolicyConfiguration.xml"));
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.contains("<S N=\"Path\">ICA\\VirtualIP\\VirtualLoopbackPrograms</S>"), text);
    }
}
