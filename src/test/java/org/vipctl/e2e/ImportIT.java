package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileReader;

/**
 * vipctl import through the packaged jar, on what compile and apply wrote from examples/: each kind
 * of output imports into policies that validate and compile back to the same values.
 */
class ImportIT {

    @TempDir
    Path tmp;

    private PackagedCli.Result vipctl(String... args) throws IOException, InterruptedException {
        PackagedCli.Result r = PackagedCli.run(args);
        System.out.println("$ vipctl " + String.join(" ", args) + "\n" + r);
        return r;
    }

    private Path compiled() throws Exception {
        Path out = tmp.resolve("build");
        assertEquals(0, vipctl("compile", "-o", out.toString(), PackagedCli.repo().resolve("examples").toString()).code());
        return out;
    }

    private static TreeSet<String> records(Path pol) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (PolRecord r : PolReader.read(pol).records()) {
            out.add(r.raw().toString());
        }
        return out;
    }

    /** The values of .reg files: key, name (both ignoring case), type and data. */
    private static TreeSet<String> regValues(Path dir) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".reg")).toList()) {
                for (RegFile.Section sec : RegFileReader.read(f.toString(), Files.readAllBytes(f)).sections()) {
                    for (RegFile.ValueLine v : sec.values()) {
                        out.add((sec.key() + "\\" + v.name()).toLowerCase(Locale.ROOT) + "=" + v.value()
                                .map(x -> x.type() + ":" + HexFormat.of().formatHex(x.toBytes())).orElse("absent"));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aCompiledGpoImportsAndCompilesBackToTheSameRegistryPol() throws Exception {
        Path out = compiled();
        Path imported = tmp.resolve("imported");
        PackagedCli.Result r = vipctl("import", out.resolve("gpo").toString(), "-o", imported.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("imported 8 values into 1 policy; 4 unrelated values left out"), r.out());
        assertEquals(0, vipctl("validate", imported.toString()).code());
        Path back = tmp.resolve("back");
        assertEquals(0, vipctl("compile", "--emit", "pol", "-o", back.toString(), imported.toString()).code());
        TreeSet<String> catalogOwned = records(out.resolve("gpo/Machine/Registry.pol"));
        catalogOwned.removeIf(s -> s.startsWith("[SOFTWARE\\Contoso"));
        assertEquals(catalogOwned, records(back.resolve("gpo/Machine/Registry.pol")));

        Path all = tmp.resolve("all");
        assertEquals(0, vipctl("import", "--all", out.resolve("gpo").toString(), "-o", all.toString()).code());
        Path backAll = tmp.resolve("back-all");
        assertEquals(0, vipctl("compile", "--emit", "pol", "-o", backAll.toString(), all.toString()).code());
        assertEquals(records(out.resolve("gpo/Machine/Registry.pol")), records(backAll.resolve("gpo/Machine/Registry.pol")));
        PackagedCli.Result diff = vipctl("pol", "diff", out.resolve("gpo/Machine/Registry.pol").toString(),
                backAll.resolve("gpo/Machine/Registry.pol").toString());
        assertEquals(0, diff.code(), diff.toString());
    }

    @Test
    void compiledRegFilesImportAndCompileBackToTheSameValues() throws Exception {
        Path out = compiled();
        List<String> args = new ArrayList<>(List.of("import", "--all", "-o", tmp.resolve("imported").toString()));
        try (Stream<Path> s = Files.list(out.resolve("reg"))) {
            s.sorted().forEach(p -> args.add("regfile:" + p));
        }
        PackagedCli.Result r = vipctl(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(tmp.resolve("imported/crm-farm.yaml")));
        Path back = tmp.resolve("back");
        assertEquals(0, vipctl("compile", "--emit", "reg", "-o", back.toString(), tmp.resolve("imported").toString()).code());
        assertEquals(regValues(out.resolve("reg")), regValues(back.resolve("reg")));
    }

    @Test
    void aLocalGpoAfterApplyImportsBackToItsRecords() throws Exception {
        Path gpo = tmp.resolve("GroupPolicy");
        Files.createDirectories(gpo);
        PackagedCli.Result apply = vipctl("apply", "--yes", "--target", "local-gpo:" + gpo, "--state-dir",
                tmp.resolve("state").toString(), PackagedCli.repo().resolve("examples").toString());
        assertEquals(0, apply.code(), apply.toString());
        Path imported = tmp.resolve("imported");
        assertEquals(0, vipctl("import", "--all", "local-gpo:" + gpo, "-o", imported.toString()).code());
        Path back = tmp.resolve("back");
        assertEquals(0, vipctl("compile", "--emit", "pol", "-o", back.toString(), imported.toString()).code());
        assertEquals(records(gpo.resolve("Machine/Registry.pol")), records(back.resolve("gpo/Machine/Registry.pol")));
    }

    @Test
    void aCitrixExportImportsAndCompilesBackToTheSameExport() throws Exception {
        Path out = compiled();
        Path imported = tmp.resolve("imported");
        PackagedCli.Result r = vipctl("import", out.resolve("citrix").toString(), out.resolve("gpo").toString(),
                "-o", imported.toString());
        assertEquals(0, r.code(), r.toString());
        String gpo = Files.readString(imported.resolve("gpo.yaml"));
        assertTrue(gpo.contains("  citrixPreferLoopback:\n"), "typed when imported with the Citrix export:\n" + gpo);
        Path back = tmp.resolve("back");
        assertEquals(0, vipctl("compile", "--emit", "citrix", "-o", back.toString(), imported.toString()).code());
        for (String f : List.of("GroupPolicy.xml", "GroupPolicyConfiguration.xml", "GroupPolicyFilter.xml")) {
            assertArrayEquals(Files.readAllBytes(out.resolve("citrix").resolve(f)), Files.readAllBytes(back.resolve("citrix").resolve(f)), f);
        }
    }

    @Test
    void theSameSourceGivesTheSameBytes() throws Exception {
        Path out = compiled();
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, vipctl("import", "--all", out.resolve("gpo").toString(), "-o", one.toString()).code());
        assertEquals(0, vipctl("import", "--all", out.resolve("gpo").toString(), "-o", two.toString()).code());
        assertArrayEquals(Files.readAllBytes(one.resolve("gpo.yaml")), Files.readAllBytes(two.resolve("gpo.yaml")));
    }
}
