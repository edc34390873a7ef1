package org.vipctl.emit.gpobackup;

import static org.vipctl.emit.gpobackup.Xml.cdataElement;

import java.util.List;

/**
 * {@code bkupInfo.xml} (one backup) and {@code manifest.xml} (every backup in the folder): the same
 * {@code BackupInst} element, one line each, no XML declaration, UTF-8 without a byte order mark.
 */
final class BackupInfoXml {

    static final String NS = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";

    private BackupInfoXml() {
    }

    static String backupInfo(GpoBackup b) {
        return "<BackupInst xmlns=\"" + NS + "\">" + children(b) + "</BackupInst>";
    }

    static String manifest(List<GpoBackup> backups) {
        StringBuilder x = new StringBuilder("<Backups xmlns=\"" + NS + "\" xmlns:mfst=\"" + NS + "\" mfst:version=\"1.0\">");
        for (GpoBackup b : backups) {
            x.append("<BackupInst>").append(children(b)).append("</BackupInst>");
        }
        return x.append("</Backups>").toString();
    }

    private static String children(GpoBackup b) {
        return cdataElement("GPOGuid", b.gpoGuid())
                + cdataElement("GPODomain", GpoBackup.SOURCE_DOMAIN)
                + cdataElement("GPODomainGuid", b.domainGuid())
                + cdataElement("GPODomainController", GpoBackup.SOURCE_DC)
                + cdataElement("BackupTime", GpoBackup.TIME)
                + cdataElement("ID", b.backupId())
                + cdataElement("Comment", "")
                + cdataElement("GPODisplayName", b.displayName());
    }
}
