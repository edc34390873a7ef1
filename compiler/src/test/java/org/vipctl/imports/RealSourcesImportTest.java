package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;

/**
 * Real Registry.pol files and GPMC backups (../shared/reference) hold no virtual IP settings: they
 * import as nothing, with every record counted; with --all their machine records come back as
 * registry entries that compile to the same records.
 */
class RealSourcesImportTest {

    static Path reference(String rel) {
        Path p = Path.of(System.getProperty("vipctl.repo", ".")).resolve("../shared/reference").resolve(rel);
        assumeTrue(Files.exists(p), "reference files not found beside the repository (../shared): " + p);
        return p;
    }

    @ParameterizedTest
    @CsvSource({"pol/goldstar611-Registry.pol,20", "pol/yuyaryshev-Machine-Registry.pol,21"})
    void realPolFilesAreAnEmptyImportWithEveryRecordCounted(String file, int records) throws Exception {
        Path f = reference(file);
        ImportResult r = Imports.run(f.toString());
        assertEquals(List.of(), r.files());
        assertEquals(0, r.imported());
        assertEquals(records, r.unrelated());
        assertEquals(List.of(), r.diagnostics());
        assertEquals("imported 0 values into 0 policies; " + records + " unrelated values left out", r.summary());
        assertEquals(records, PolReader.read(f).records().size());
    }

    @Test
    void theDisaStigPackageImportsAsNothingAndWithAllAsItsMachineRecords() throws Exception {
        Path pkg = reference("gpo-backups/cloudcap10-disa-stig");
        ImportResult r = Imports.run(pkg.toString());
        assertEquals(List.of(), r.files());
        assertEquals(104 + 4, r.unrelated(), "computer GPO: 104 machine records; user GPO: 4 user records");

        ImportResult all = Imports.run(Imports.options().withAll(true), pkg.toString());
        assertEquals(List.of("DoD-Windows-10-STIG-Computer-v2r3"), all.files().stream().map(ImportResult.File::policy).toList());
        assertEquals(104, all.imported());
        assertEquals(4, all.notExpressible(), "the user half is HKCU");
        PolFile original = PolReader.read(pkg.resolve("{F55ED5BB-AD6E-4D34-949D-4FC120C7CAF5}/DomainSysvol/GPO/Machine/registry.pol"));
        PolFile back = PolFromState.records(Imports.compile(all).registry(Scope.POLICY), Hive.HKLM);
        assertEquals(Imports.records(original), Imports.records(back));
    }

    @Test
    void theBaselineGpoComesBackRecordForRecordItsKeyOnlyRecordsIncluded() throws Exception {
        Path pkg = reference("gpo-backups/troennes-psw");
        ImportResult r = Imports.run(pkg.toString());
        assertEquals(List.of(), r.files());
        assertEquals(67, r.unrelated());

        ImportResult all = Imports.run(Imports.options().withAll(true), pkg.toString());
        assertEquals(67, all.imported());
        assertEquals(0, all.notExpressible(), all.diagnostics().toString());
        PolFile original = PolReader.read(pkg.resolve("{70CF3C23-9F4D-4E50-8D2A-DEAD79D5A724}/DomainSysvol/GPO/Machine/registry.pol"));
        assertEquals(3, original.records().stream().filter(x -> x instanceof PolRecord.KeyOnly).count(),
                "the baseline creates three firewall Logging keys without a value");
        PolFile back = PolFromState.records(Imports.compile(all).registry(Scope.POLICY), Hive.HKLM);
        assertEquals(Imports.records(original), Imports.records(back));
        String yaml = Imports.text(all, 0);
        assertTrue(yaml.contains("  description: Basic - MSFT Windows 10 21H2 - Computer\n"));
        assertTrue(yaml.contains("    - {key: 'HKLM\\Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging'}"
                + "  # record at byte 8196\n"), yaml);
    }
}
