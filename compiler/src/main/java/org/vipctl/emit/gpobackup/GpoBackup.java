package org.vipctl.emit.gpobackup;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.vipctl.format.pol.PolFile;
import org.vipctl.gpo.ExtensionNames;
import org.vipctl.registry.RegistryState;

/**
 * One GPO as a GPMC backup: {@code manifest.xml} and the folder {@code {BackupId}} with
 * {@code Backup.xml}, {@code bkupInfo.xml}, {@code gpreport.xml} and
 * {@code DomainSysvol/GPO/Machine/registry.pol}. Only the computer half holds settings; its
 * version is 1 in the directory and in SYSVOL. Ids and times are fixed by the name, so the same
 * input always gives the same bytes.
 *
 * @param displayName  the GPO's name ({@code Import-GPO -BackupGpoName})
 * @param machinePol   the computer half's Registry.pol (may be empty: written as the 8-byte header)
 * @param machineState the values behind {@code machinePol}, for the settings report
 */
public record GpoBackup(String displayName, PolFile machinePol, RegistryState machineState) {

    /** The domain a compiled backup claims to come from: a reserved name (RFC 6761) that never resolves. */
    static final String SOURCE_DOMAIN = "vipctl.invalid";
    static final String SOURCE_DC = "dc.vipctl.invalid";
    /** Backup, creation and modification time of every compiled backup; no clock is read. */
    static final String TIME = "2026-01-01T00:00:00";
    static final String MACHINE_POL = "DomainSysvol/GPO/Machine/registry.pol";

    public GpoBackup {
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(machinePol);
        Objects.requireNonNull(machineState);
    }

    public String gpoGuid() {
        return StableIds.braced(StableIds.of("gpo", displayName));
    }

    /** The backup id, also the name of the backup's folder. */
    public String backupId() {
        return StableIds.braced(StableIds.of("backup", displayName));
    }

    String domainGuid() {
        return "{" + StableIds.of("domain", SOURCE_DOMAIN) + "}";
    }

    /** {@code [{registry CSE}{Administrative Templates}]} when the computer half has settings, else empty. */
    String machineExtensionNames() {
        return machinePol.records().isEmpty() ? ""
                : ExtensionNames.merge("", ExtensionNames.REGISTRY_CSE, ExtensionNames.REGISTRY_TOOL_MACHINE);
    }

    /** The GPO's folder in the source domain's SYSVOL, as {@code Backup.xml} records where files came from. */
    String sysvolPath() {
        return "\\\\" + SOURCE_DC + "\\sysvol\\" + SOURCE_DOMAIN + "\\Policies\\" + gpoGuid();
    }

    /** The backup folder's files, paths relative to the folder that holds {@code manifest.xml}. */
    public Map<String, byte[]> files() {
        String dir = backupId() + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(dir + "Backup.xml", BackupXml.write(this).getBytes(StandardCharsets.UTF_8));
        files.put(dir + "bkupInfo.xml", (BackupInfoXml.backupInfo(this) + "\r\n").getBytes(StandardCharsets.UTF_8));
        files.put(dir + "gpreport.xml", GpReportXml.write(this));
        files.put(dir + MACHINE_POL, machinePol.toBytes());
        return files;
    }
}
