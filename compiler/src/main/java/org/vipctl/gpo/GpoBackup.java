package org.vipctl.gpo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One GPMC backup of a GPO ({@code Backup-GPO}, GPMC "Back Up"): the folder named by the backup id
 * that holds {@code Backup.xml}, usually {@code bkupInfo.xml}, and the GPO's SYSVOL files below
 * {@code DomainSysvol\GPO}. Where the registry files are comes from {@code Backup.xml}: the
 * {@code FSObjectFile} entries whose {@code Path} is {@code %GPO_MACH_FSPATH%\registry.pol} (or the
 * user twin) name their place in the backup in {@code Location}. The XML is read without DTDs: a
 * DOCTYPE is refused, so no entity is ever expanded and nothing is fetched.
 */
public record GpoBackup(Path folder, String backupId, String gpoGuid, String displayName,
                        Optional<Path> machinePol, Optional<Path> userPol) {

    public static final String BACKUP_XML = "Backup.xml";
    public static final String INFO_XML = "bkupInfo.xml";
    private static final String MACHINE_POL = "%GPO_MACH_FSPATH%\\registry.pol";
    private static final String USER_POL = "%GPO_USER_FSPATH%\\registry.pol";
    private static final String DEFAULT_MACHINE = "DomainSysvol\\GPO\\Machine\\registry.pol";
    private static final String DEFAULT_USER = "DomainSysvol\\GPO\\User\\registry.pol";

    /** A folder is a backup when it holds a {@code Backup.xml} (any letter case). */
    public static boolean isBackup(Path dir) throws IOException {
        return Files.isDirectory(dir) && GpoPaths.child(dir, BACKUP_XML).filter(Files::isRegularFile).isPresent();
    }

    /**
     * The backups {@code dir} stands for: itself when it is one, otherwise each subfolder that is one
     * (as {@code Backup-GPO -All} leaves them beside {@code manifest.xml}), sorted by folder name.
     */
    public static List<GpoBackup> readAll(Path dir) throws IOException {
        if (isBackup(dir)) {
            return List.of(read(dir));
        }
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    if (isBackup(p)) {
                        found.add(p);
                    }
                }
            }
        }
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString().toUpperCase(Locale.ROOT))
                .thenComparing(p -> p.getFileName().toString()));
        List<GpoBackup> out = new ArrayList<>();
        for (Path p : found) {
            out.add(read(p));
        }
        return out;
    }

    /** @throws GpoBackupException naming the file, line and column of unreadable XML */
    public static GpoBackup read(Path folder) throws IOException {
        Path backupXml = GpoPaths.child(folder, BACKUP_XML).filter(Files::isRegularFile).orElseThrow(() ->
                new GpoBackupException(folder + ": not a GPO backup (no " + BACKUP_XML + ")"));
        Map<String, String> core = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        parse(backupXml, new Collector("GroupPolicyCoreSettings", core, files));
        Map<String, String> info = new HashMap<>();
        Optional<Path> infoXml = GpoPaths.child(folder, INFO_XML).filter(Files::isRegularFile);
        if (infoXml.isPresent()) {
            parse(infoXml.get(), new Collector("BackupInst", info, new HashMap<>()));
        }
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? ""
                : folder.toAbsolutePath().normalize().getFileName().toString();
        String backupId = info.getOrDefault("ID", name).strip();
        String gpoGuid = info.getOrDefault("GPOGuid", core.getOrDefault("ID", "")).strip();
        String displayName = info.getOrDefault("GPODisplayName", core.getOrDefault("DisplayName", "")).strip();
        return new GpoBackup(folder, backupId, gpoGuid, displayName,
                registryFile(folder, files.get(MACHINE_POL.toLowerCase(Locale.ROOT)), DEFAULT_MACHINE),
                registryFile(folder, files.get(USER_POL.toLowerCase(Locale.ROOT)), DEFAULT_USER));
    }

    /**
     * The file Backup.xml names; when it names none (a GPO without registry settings) a file at the
     * usual place still counts, so a backup whose XML was trimmed by hand is read as well.
     */
    private static Optional<Path> registryFile(Path folder, String location, String usual) throws IOException {
        if (location != null && !location.isBlank()) {
            Optional<Path> p = GpoPaths.resolve(folder, location).filter(Files::isRegularFile);
            if (p.isEmpty()) {
                throw new GpoBackupException(folder.resolve(BACKUP_XML) + ": lists " + location
                        + ", which is not in the backup folder");
            }
            return p;
        }
        return GpoPaths.resolve(folder, usual).filter(Files::isRegularFile);
    }

    private static void parse(Path file, Collector handler) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            InputSource in = new InputSource(new ByteArrayInputStream(bytes));
            in.setSystemId(file.toUri().toString());
            parser.parse(in, handler);
        } catch (SAXParseException e) {
            String why = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            if (why.contains("DOCTYPE")) {
                why = "a DOCTYPE is not allowed (GPO backups have none; DTDs and entities are never read)";
            }
            throw new GpoBackupException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + why);
        } catch (SAXException | ParserConfigurationException e) {
            throw new GpoBackupException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Keeps the text of the children of one element ({@code parent}) by local name, and every
     * {@code FSObjectFile}'s {@code Location} by its lower-case {@code Path}. Namespaces are not
     * checked: GPMC has written the same names under more than one namespace over the years.
     */
    private static final class Collector extends DefaultHandler {
        private final String parent;
        private final Map<String, String> texts;
        private final Map<String, String> files;
        private final List<String> stack = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Collector(String parent, Map<String, String> texts, Map<String, String> files) {
            this.parent = parent;
            this.texts = texts;
            this.files = files;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            stack.add(local);
            text.setLength(0);
            if (local.equals("FSObjectFile")) {
                String path = attribute(atts, "Path");
                if (path != null) {
                    files.putIfAbsent(path.strip().toLowerCase(Locale.ROOT), Optional.ofNullable(attribute(atts, "Location")).orElse(""));
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            int n = stack.size();
            if (n >= 2 && stack.get(n - 2).equals(parent)) {
                texts.putIfAbsent(local, text.toString());
            }
            stack.remove(n - 1);
            text.setLength(0);
        }

        private static String attribute(Attributes atts, String local) {
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getLocalName(i).equals(local)) {
                    return atts.getValue(i);
                }
            }
            return null;
        }
    }
}
