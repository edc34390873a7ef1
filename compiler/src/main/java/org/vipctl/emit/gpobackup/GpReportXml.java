package org.vipctl.emit.gpobackup;

import static org.vipctl.emit.gpobackup.Xml.escape;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/**
 * {@code gpreport.xml}: the settings report GPMC shows for a backup (UTF-16LE with a byte order
 * mark, CRLF, two-space indent). Import reads {@code Backup.xml} and the SYSVOL files, not this
 * report. The registry section lists every key of the computer half; a REG_DWORD value also gets
 * its name and number. That {@code Value}/{@code Number} form is the only value form in the real
 * reports vipctl was checked against, so values of other types are shown by their key only.
 */
final class GpReportXml {

    static final String NS = "http://www.microsoft.com/GroupPolicy/Settings";
    static final String TYPES = "http://www.microsoft.com/GroupPolicy/Types";
    static final String REGISTRY = "http://www.microsoft.com/GroupPolicy/Settings/Registry";

    private GpReportXml() {
    }

    static byte[] write(GpoBackup b) {
        Lines x = new Lines();
        x.add(0, "<?xml version=\"1.0\" encoding=\"utf-16\"?>");
        x.add(0, "<GPO xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"" + NS + "\">");
        x.add(1, "<Identifier>");
        x.add(2, "<Identifier xmlns=\"" + TYPES + "\">" + b.gpoGuid() + "</Identifier>");
        x.add(2, "<Domain xmlns=\"" + TYPES + "\">" + GpoBackup.SOURCE_DOMAIN + "</Domain>");
        x.add(1, "</Identifier>");
        x.add(1, "<Name>" + escape(b.displayName()) + "</Name>");
        x.add(1, "<IncludeComments>true</IncludeComments>");
        x.add(1, "<CreatedTime>" + GpoBackup.TIME + "</CreatedTime>");
        x.add(1, "<ModifiedTime>" + GpoBackup.TIME + "</ModifiedTime>");
        x.add(1, "<ReadTime>" + GpoBackup.TIME + ".0000000Z</ReadTime>");
        x.add(1, "<FilterDataAvailable>true</FilterDataAvailable>");
        x.add(1, "<Computer>");
        x.add(2, "<VersionDirectory>1</VersionDirectory>");
        x.add(2, "<VersionSysvol>1</VersionSysvol>");
        x.add(2, "<Enabled>true</Enabled>");
        if (!b.machineState().isEmpty()) {
            registry(x, b);
        }
        x.add(1, "</Computer>");
        x.add(1, "<User>");
        x.add(2, "<VersionDirectory>0</VersionDirectory>");
        x.add(2, "<VersionSysvol>0</VersionSysvol>");
        x.add(2, "<Enabled>true</Enabled>");
        x.add(1, "</User>");
        x.add(0, "</GPO>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(String.join("\r\n", x.lines).getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    private static void registry(Lines x, GpoBackup b) {
        x.add(2, "<ExtensionData>");
        x.add(3, "<Extension xmlns:q1=\"" + REGISTRY + "\" xsi:type=\"q1:RegistrySettings\">");
        for (Map.Entry<String, List<RegistryEntry>> key : b.machineState().byKey().entrySet()) {
            String path = escape(key.getValue().get(0).key().literalPath());
            boolean keyOnly = false;
            for (RegistryEntry e : key.getValue()) {
                if (e instanceof RegistryEntry.Set s && s.value() instanceof RegValue.Dword d) {
                    x.add(4, "<q1:RegistrySetting>");
                    x.add(5, "<q1:KeyPath>" + path + "</q1:KeyPath>");
                    x.add(5, "<q1:AdmSetting>false</q1:AdmSetting>");
                    x.add(5, "<q1:Value>");
                    x.add(6, "<q1:Name>" + escape(s.name()) + "</q1:Name>");
                    x.add(6, "<q1:Number>" + d.unsigned() + "</q1:Number>");
                    x.add(5, "</q1:Value>");
                    x.add(4, "</q1:RegistrySetting>");
                } else {
                    keyOnly = true;
                }
            }
            if (keyOnly) {
                x.add(4, "<q1:RegistrySetting>");
                x.add(5, "<q1:KeyPath>" + path + "</q1:KeyPath>");
                x.add(5, "<q1:AdmSetting>false</q1:AdmSetting>");
                x.add(4, "</q1:RegistrySetting>");
            }
        }
        x.add(4, "<q1:Blocked>false</q1:Blocked>");
        x.add(3, "</Extension>");
        x.add(3, "<Name>Registry</Name>");
        x.add(2, "</ExtensionData>");
    }

    private static final class Lines {
        private final java.util.ArrayList<String> lines = new java.util.ArrayList<>();

        void add(int depth, String text) {
            lines.add("  ".repeat(depth) + text);
        }
    }
}
