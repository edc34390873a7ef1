package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vipctl report}: content, self-containment, escaping, and the HTML in a real headless browser. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> SECTIONS = List.of("contents", "policy-crm-farm", "policy-cti-loopback",
            "policy-crm-client-settings", "policy-licence-loopback", "loopback", "unconfirmed", "findings");

    private Path html() {
        Path out = tmp.resolve("report.html");
        ValidateCommandTest.Result r = ValidateCommandTest.run("report", "-o", out.toString(), ValidateCommandTest.examples().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + out + "\n", r.out());
        return out;
    }

    @Test
    void htmlIsOneSelfContainedFileWithEverySection() throws IOException {
        String html = Files.readString(html());
        for (String id : SECTIONS) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertFalse(Pattern.compile("(?i)<script|<link|<img|<iframe|\\ssrc=|url\\(|@import|https?://").matcher(html).find(),
                "nothing to fetch, nothing to run");
        assertTrue(html.contains("Gives each instance of crm.exe, crmsync.exe, ctiagent.exe, softphone.exe its own IP address"
                + " from the DHCP scope of the adapter 192.0.2.96/24"), "in words");
        assertTrue(html.contains("<td class=\"key\">HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP</td>"));
        assertTrue(html.contains("VirtualLoopbackPrograms"), "Citrix settings");
        assertTrue(html.contains("<td>255</td>"), "loopback table around session 255");
        assertTrue(html.contains("provider path"), "the unconfirmed Citrix provider path is named");
    }

    @Test
    void markdownHasTheSameSections() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("report", "--format", "md", ValidateCommandTest.examples().toString());
        assertEquals(0, r.code(), r.err());
        for (String heading : List.of("# Virtual IP and loopback policies", "## Policy crm-farm", "### What it does",
                "### Target operating systems", "### Registry values on the server (apply, .reg files)",
                "### Group Policy values (Registry.pol, GPO folder, ADMX)", "### Citrix policy settings",
                "## Loopback addresses by session", "## Not confirmed by vendor documentation", "## Warnings and notes")) {
            assertTrue(r.out().contains("\n" + heading + "\n") || r.out().startsWith(heading + "\n"), heading);
        }
    }

    @Test
    void textFromPoliciesIsEscapedAndInvalidPoliciesWriteNothing() throws IOException {
        Path p = Files.writeString(tmp.resolve("x.yaml"), """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: x, description: '<script>alert(1)</script> & *bold* | pipe'}
                targets: {os: [windowsServer2022]}
                spec:
                  rdsLoopbackVirtualization: {enabled: true}
                  rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: 192.0.2.1/24}
                """);
        String html = ValidateCommandTest.run("report", p.toString()).out();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold* | pipe"), html);
        String md = ValidateCommandTest.run("report", "--format", "md", p.toString()).out();
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; & \\*bold\\* | pipe"), md);

        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: b}\n"
                + "spec: {rdsIpVirtualization: {enabled: true}}\n");
        ValidateCommandTest.Result r = ValidateCommandTest.run("report", "-o", tmp.resolve("bad.html").toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("[VIP026]"), r.err());
        assertFalse(Files.exists(tmp.resolve("bad.html")));
    }

    private static Optional<String> chromium() {
        for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    return Optional.of(Path.of(dir, c).toString());
                }
            }
        }
        return Optional.empty();
    }

    private static String headless(String chromium, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--disable-extensions"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    /**
     * Renders the report in headless Chromium at a narrow and a wide window: every section is laid out
     * with a visible size, nothing is wider than the window, no cell's text spills out of its cell;
     * and a screenshot of it is a real picture.
     */
    @Test
    void rendersInHeadlessChromiumWithoutOverflow() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium not installed: skipped");
        Path report = html();
        // The check runs in a copy, as a script the report itself never has.
        String probe = """
                <script>
                const ids = %s;
                const sections = ids.map(id => { const e = document.getElementById(id);
                  return {id, shown: !!e && e.getBoundingClientRect().height > 0}; });
                const wide = document.documentElement.scrollWidth > window.innerWidth;
                const spills = [...document.querySelectorAll('td, th, h1, h2, h3, p, li')]
                  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 60));
                const pre = document.createElement('pre'); pre.id = 'probe-result';
                pre.textContent = JSON.stringify({sections, wide, spills, width: window.innerWidth});
                document.body.appendChild(pre);
                </script>
                """.formatted(new ObjectMapper().writeValueAsString(SECTIONS));
        Path copy = tmp.resolve("probe.html");
        Files.writeString(copy, Files.readString(report).replace("</body>", probe + "</body>"));
        for (String size : List.of("760,1000", "1280,1000")) {
            String dom = headless(chromium.get(), "--window-size=" + size, "--virtual-time-budget=5000", "--dump-dom", copy.toUri().toString());
            Matcher m = Pattern.compile("<pre id=\"probe-result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), "the page was laid out and the probe ran: " + dom.substring(0, Math.min(300, dom.length())));
            JsonNode result = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">"));
            for (JsonNode s : result.get("sections")) {
                assertTrue(s.get("shown").asBoolean(), size + ": section " + s.get("id") + " not shown");
            }
            assertFalse(result.get("wide").asBoolean(), size + ": the page is wider than the window");
            assertEquals(0, result.get("spills").size(), size + ": text spills out of " + result.get("spills"));
        }
        Path png = tmp.resolve("report.png");
        headless(chromium.get(), "--window-size=1100,2000", "--screenshot=" + png, report.toUri().toString());
        byte[] image = Files.readAllBytes(png);
        assertTrue(image.length > 20_000, "a screenshot with content: " + image.length + " bytes");
        assertEquals(0x89, image[0] & 0xff);
        assertEquals('P', image[1]);
    }
}
