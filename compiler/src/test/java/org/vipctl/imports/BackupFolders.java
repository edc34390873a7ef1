package org.vipctl.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * GPMC backup folders made for tests, shaped like the real ones in ../shared/reference/gpo-backups
 * (Backup.xml with the registry extension's FSObjectFile entries, bkupInfo.xml), with the
 * variations real backups show: CRLF or LF, upper- or lower-case GUIDs and file names, other
 * extensions beside the registry one.
 */
final class BackupFolders {

    record Shape(boolean crlf, boolean lowerCase, boolean otherExtensions, boolean withInfo) {
        static Shape gpmc() {
            return new Shape(true, false, true, true);
        }
    }

    private BackupFolders() {
    }

    /** Writes {@code root/<backupId>/...} holding {@code machinePol} (and {@code userPol} when not null). */
    static Path write(Path root, String backupId, String gpoGuid, String displayName, byte[] machinePol, byte[] userPol,
                      Shape shape) throws IOException {
        String id = shape.lowerCase() ? backupId.toLowerCase(Locale.ROOT) : backupId;
        String guid = shape.lowerCase() ? gpoGuid.toLowerCase(Locale.ROOT) : gpoGuid;
        Path dir = root.resolve(id);
        String sysvol = shape.lowerCase() ? "domainsysvol/gpo/" : "DomainSysvol/GPO/";
        String machine = shape.lowerCase() ? "machine/REGISTRY.POL" : "Machine/registry.pol";
        Imports.write(dir.resolve(sysvol + machine), machinePol);
        if (userPol != null) {
            Imports.write(dir.resolve(sysvol + (shape.lowerCase() ? "user/registry.pol" : "User/registry.pol")), userPol);
        }
        String unc = "\\\\dc.example.test\\sysvol\\example.test\\Policies\\" + guid;
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- Copyright (c) Microsoft Corporation.  All rights reserved. -->")
                .append("<GroupPolicyBackupScheme bkp:version=\"2.0\" bkp:type=\"GroupPolicyBackupTemplate\"")
                .append(" xmlns:bkp=\"http://www.microsoft.com/GroupPolicy/GPOOperations\"")
                .append(" xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations\">\n")
                .append("    <GroupPolicyObject><SecurityGroups/><FilePaths/><GroupPolicyCoreSettings>")
                .append("<ID><![CDATA[").append(guid).append("]]></ID><Domain><![CDATA[example.test]]></Domain>")
                .append("<SecurityDescriptor>01 00 04 9c</SecurityDescriptor>")
                .append("<DisplayName><![CDATA[").append(displayName).append("]]></DisplayName>")
                .append("<Options><![CDATA[0]]></Options><UserVersionNumber><![CDATA[0]]></UserVersionNumber>")
                .append("<MachineVersionNumber><![CDATA[1]]></MachineVersionNumber>")
                .append("<MachineExtensionGuids><![CDATA[[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]]]></MachineExtensionGuids>")
                .append("<UserExtensionGuids/><WMIFilter/></GroupPolicyCoreSettings>\n");
        if (shape.otherExtensions()) {
            x.append("        <GroupPolicyExtension bkp:ID=\"{827D319E-6EAC-11D2-A4EA-00C04F79F83A}\" bkp:DescName=\"Security\">\n")
                    .append("            <FSObjectFile bkp:Path=\"%GPO_MACH_FSPATH%\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf\"")
                    .append(" bkp:SourceExpandedPath=\"").append(unc).append("\\Machine\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf\"")
                    .append(" bkp:Location=\"DomainSysvol\\GPO\\Machine\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf\"/>\n")
                    .append("        </GroupPolicyExtension>\n");
            Imports.write(dir.resolve(sysvol + (shape.lowerCase() ? "machine" : "Machine") + "/microsoft/windows nt/SecEdit/GptTmpl.inf"),
                    "[Unicode]\r\nUnicode=yes\r\n".getBytes(StandardCharsets.UTF_16LE));
        }
        x.append("        <GroupPolicyExtension bkp:ID=\"{35378EAC-683F-11D2-A89A-00C04FBBCFA2}\" bkp:DescName=\"Registry\">\n")
                .append("            <FSObjectFile bkp:Path=\"%GPO_MACH_FSPATH%\\registry.pol\" bkp:SourceExpandedPath=\"")
                .append(unc).append("\\Machine\\registry.pol\" bkp:Location=\"DomainSysvol\\GPO\\Machine\\registry.pol\"/>\n");
        if (userPol != null) {
            x.append("            <FSObjectFile bkp:Path=\"%GPO_USER_FSPATH%\\registry.pol\" bkp:SourceExpandedPath=\"")
                    .append(unc).append("\\User\\registry.pol\" bkp:Location=\"DomainSysvol\\GPO\\User\\registry.pol\"/>\n");
        }
        x.append("            <FSObjectFile bkp:Path=\"%GPO_FSPATH%\\Adm\\*.*\" bkp:SourceExpandedPath=\"").append(unc).append("\\Adm\\*.*\"/>\n")
                .append("        </GroupPolicyExtension>\n    </GroupPolicyObject>\n</GroupPolicyBackupScheme>\n");
        Imports.write(dir.resolve(shape.lowerCase() ? "backup.xml" : "Backup.xml"), text(x.toString(), shape));
        if (shape.withInfo()) {
            String info = "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\">"
                    + "<GPOGuid><![CDATA[" + guid + "]]></GPOGuid><GPODomain><![CDATA[example.test]]></GPODomain>"
                    + "<GPODomainGuid><![CDATA[{be98dc5a-e575-4ca0-90f4-5edc5385451a}]]></GPODomainGuid>"
                    + "<GPODomainController><![CDATA[dc.example.test]]></GPODomainController>"
                    + "<BackupTime><![CDATA[2024-01-02T03:04:05]]></BackupTime><ID><![CDATA[" + id + "]]></ID>"
                    + "<Comment><![CDATA[]]></Comment><GPODisplayName><![CDATA[" + displayName + "]]></GPODisplayName></BackupInst>";
            Imports.write(dir.resolve(shape.lowerCase() ? "BKUPINFO.XML" : "bkupInfo.xml"), text(info, shape));
        }
        return dir;
    }

    private static byte[] text(String lf, Shape shape) {
        return (shape.crlf() ? lf.replace("\n", "\r\n") : lf).getBytes(StandardCharsets.UTF_8);
    }
}
