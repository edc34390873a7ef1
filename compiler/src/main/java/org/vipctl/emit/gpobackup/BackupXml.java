package org.vipctl.emit.gpobackup;

import static org.vipctl.emit.gpobackup.Xml.cdataElement;
import static org.vipctl.emit.gpobackup.Xml.escape;

import org.vipctl.gpo.ExtensionNames;

/**
 * {@code Backup.xml}: the GPO's core settings and, per client-side extension, the SYSVOL files the
 * backup holds. Laid out as GPMC writes it (XML declaration and root on the first line, CRLF, no
 * line break after the root's end tag); UTF-8 without a byte order mark.
 */
final class BackupXml {

    static final String NS = "http://www.microsoft.com/GroupPolicy/GPOOperations";

    private BackupXml() {
    }

    static String write(GpoBackup b) {
        String crlf = "\r\n";
        String ext = b.machineExtensionNames();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<GroupPolicyBackupScheme bkp:version=\"2.0\" bkp:type=\"GroupPolicyBackupTemplate\" xmlns:bkp=\"")
                .append(NS).append("\" xmlns=\"").append(NS).append("\">").append(crlf);
        x.append("    <GroupPolicyObject><SecurityGroups/><FilePaths/><GroupPolicyCoreSettings>")
                .append(cdataElement("ID", b.gpoGuid()))
                .append(cdataElement("Domain", GpoBackup.SOURCE_DOMAIN))
                .append("<SecurityDescriptor>").append(SecurityDescriptor.hex()).append("</SecurityDescriptor>")
                .append(cdataElement("DisplayName", b.displayName()))
                .append(cdataElement("Options", "0"))
                .append(cdataElement("UserVersionNumber", "0"))
                // directory and SYSVOL version of the computer half, 16 bits each (both 1)
                .append(cdataElement("MachineVersionNumber", Long.toString((1L << 16) | 1)))
                .append(ext.isEmpty() ? "<MachineExtensionGuids/>" : cdataElement("MachineExtensionGuids", ext))
                .append("<UserExtensionGuids/><WMIFilter/></GroupPolicyCoreSettings>").append(crlf);
        x.append("        <GroupPolicyExtension bkp:ID=\"").append(ExtensionNames.REGISTRY_CSE)
                .append("\" bkp:DescName=\"Registry\">").append(crlf);
        x.append("            <FSObjectFile bkp:Path=\"%GPO_MACH_FSPATH%\\registry.pol\" bkp:SourceExpandedPath=\"")
                .append(escape(b.sysvolPath() + "\\Machine\\registry.pol")).append("\" bkp:Location=\"")
                .append(GpoBackup.MACHINE_POL.replace('/', '\\')).append("\"/>").append(crlf);
        x.append("            <FSObjectFile bkp:Path=\"%GPO_FSPATH%\\Adm\\*.*\" bkp:SourceExpandedPath=\"")
                .append(escape(b.sysvolPath() + "\\Adm\\*.*")).append("\"/>").append(crlf);
        x.append("        </GroupPolicyExtension>").append(crlf);
        x.append("    </GroupPolicyObject>").append(crlf);
        x.append("</GroupPolicyBackupScheme>");
        return x.toString();
    }
}
