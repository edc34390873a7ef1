package org.vipctl.format.citrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@code Export-CtxGroupPolicy} folder: {@code GroupPolicy.xml} (one object per policy and
 * type), {@code GroupPolicyConfiguration.xml} (one object per policy and type with a member per
 * setting) and {@code GroupPolicyFilter.xml} (one object per filter), as CliXml in UTF-16 with a
 * byte order mark (Windows PowerShell) or UTF-8 (PowerShell 7). Every setting of every policy is
 * returned by name; a member of the configuration that is not a setting object (no {@code State}),
 * or a setting whose value vipctl does not interpret, is skipped, not an error. A file that is not
 * CliXml, or an object without the members the module always writes, is a
 * {@link CitrixExportException} naming the file and the line or object.
 */
public final class CitrixExportReader {

    public static final String POLICY_FILE = "GroupPolicy.xml";
    public static final String CONFIGURATION_FILE = "GroupPolicyConfiguration.xml";
    public static final String FILTER_FILE = "GroupPolicyFilter.xml";

    private CitrixExportReader() {
    }

    /** The policies of an export folder, in the order of {@code GroupPolicy.xml}. */
    public record Export(List<Policy> policies) {
        public Export {
            policies = List.copyOf(policies);
        }
    }

    /**
     * One policy half ({@code Computer} or {@code User}): Citrix keeps both halves of a policy under
     * one name and priority. {@code settings} are keyed by setting name, in the file's order.
     */
    public record Policy(String name, String type, String description, boolean enabled, int priority,
                         Map<String, Setting> settings, List<Filter> filters) {
        public Policy {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            filters = List.copyOf(filters);
        }

        public Optional<Setting> setting(String settingName) {
            return Optional.ofNullable(settings.get(settingName));
        }
    }

    /**
     * A configured setting: its {@code State} (Enabled, Disabled, Allowed, Prohibited, UseDefault or
     * NotConfigured), its list ({@code Values}) or single value ({@code Value}) when it has one, and
     * its {@code Path} below the policy's {@code Settings} folder.
     */
    public record Setting(String name, String state, List<String> values, Optional<String> value, String path) {
        public Setting {
            values = List.copyOf(values);
        }

        /**
         * Whether the setting is in effect as Enabled. Citrix reads Enabled back as Allowed too, and
         * Disabled as Prohibited or UseDefault.
         */
        public boolean isEnabled() {
            return state.equalsIgnoreCase("Enabled") || state.equalsIgnoreCase("Allowed");
        }
    }

    /** An assignment filter: {@code mode} is Allow or Deny. */
    public record Filter(String name, String type, boolean enabled, String mode, String value) {
    }

    /** An export folder that cannot be read. */
    public static final class CitrixExportException extends RuntimeException {
        CitrixExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads the three files of {@code dir}. */
    public static Export read(Path dir) throws IOException {
        return read(file(dir, POLICY_FILE), file(dir, CONFIGURATION_FILE), file(dir, FILTER_FILE));
    }

    private static byte[] file(Path dir, String name) throws IOException {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new CitrixExportException(dir.resolve(name) + ": no such file (an Export-CtxGroupPolicy folder has "
                    + POLICY_FILE + ", " + CONFIGURATION_FILE + " and " + FILTER_FILE + ")", e);
        }
    }

    /** Reads the contents of the three files. */
    public static Export read(byte[] policyFile, byte[] configurationFile, byte[] filterFile) {
        List<CliValue.Obj> policyObjects = objects(POLICY_FILE, policyFile);
        List<CliValue.Obj> configurations = objects(CONFIGURATION_FILE, configurationFile);
        List<CliValue.Obj> filterObjects = objects(FILTER_FILE, filterFile);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Map<String, Setting>> settings = new LinkedHashMap<>();
        for (int i = 0; i < configurations.size(); i++) {
            Fields o = new Fields(CONFIGURATION_FILE, i, configurations.get(i));
            String key = key(o.string("PolicyName"), o.string("Type"));
            labels.putIfAbsent(key, "'" + o.string("PolicyName") + "' (" + o.string("Type") + ")");
            Map<String, Setting> bag = settings.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (Map.Entry<String, CliValue> m : o.obj().members().entrySet()) {
                setting(m.getKey(), m.getValue()).ifPresent(s -> bag.put(s.name(), s));
            }
        }
        Map<String, List<Filter>> filters = new LinkedHashMap<>();
        for (int i = 0; i < filterObjects.size(); i++) {
            Fields o = new Fields(FILTER_FILE, i, filterObjects.get(i));
            String key = key(o.string("PolicyName"), o.string("Type"));
            labels.putIfAbsent(key, "'" + o.string("PolicyName") + "' (" + o.string("Type") + ")");
            filters.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Filter(o.string("FilterName"), o.string("FilterType"), o.bool("Enabled"),
                            o.optionalString("Mode").orElse("Allow"), o.optionalString("FilterValue").orElse("")));
        }
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < policyObjects.size(); i++) {
            Fields o = new Fields(POLICY_FILE, i, policyObjects.get(i));
            String name = o.string("PolicyName");
            String type = o.string("Type");
            String key = key(name, type);
            policies.add(new Policy(name, type, o.optionalString("Description").orElse(""), o.bool("Enabled"),
                    o.integer("Priority"), settings.getOrDefault(key, Map.of()), filters.getOrDefault(key, List.of())));
            settings.remove(key);
            filters.remove(key);
        }
        orphan(CONFIGURATION_FILE, settings.keySet(), labels);
        orphan(FILTER_FILE, filters.keySet(), labels);
        return new Export(policies);
    }

    private static void orphan(String file, java.util.Set<String> keys, Map<String, String> labels) {
        if (!keys.isEmpty()) {
            throw new CitrixExportException(file + ": policy " + labels.get(keys.iterator().next()) + " is not in "
                    + POLICY_FILE, null);
        }
    }

    /** Policies are named uniquely per type, ignoring case (Citrix compares names that way). */
    private static String key(String name, String type) {
        return type.toLowerCase(Locale.ROOT) + "\n" + name.toLowerCase(Locale.ROOT);
    }

    private static List<CliValue.Obj> objects(String file, byte[] bytes) {
        try {
            return CliXmlReader.read(bytes);
        } catch (CliXmlReader.CliXmlException e) {
            throw new CitrixExportException(file + ": " + e.getMessage(), e);
        }
    }

    /** A member that is a setting object (it has a State); anything else is not a setting. */
    private static Optional<Setting> setting(String name, CliValue v) {
        if (!(v instanceof CliValue.Obj o) || !(o.get("State") instanceof CliValue.Str state)) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        CliValue list = o.get("Values");
        if (list instanceof CliValue.Arr a) {
            for (CliValue item : a.items()) {
                text(item).ifPresent(values::add);
            }
        } else if (list != null) {
            text(list).ifPresent(values::add);
        }
        String path = o.get("Path") instanceof CliValue.Str p ? p.value() : "";
        return Optional.of(new Setting(name, state.value(), values, Optional.ofNullable(o.get("Value")).flatMap(CitrixExportReader::text),
                path));
    }

    private static Optional<String> text(CliValue v) {
        if (v instanceof CliValue.Str s) {
            return Optional.of(s.value());
        }
        if (v instanceof CliValue.Int32 i) {
            return Optional.of(Integer.toString(i.value()));
        }
        if (v instanceof CliValue.Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        if (v instanceof CliValue.Other o && !o.text().isEmpty()) {
            return Optional.of(o.text());
        }
        return Optional.empty();
    }

    /** The members of one top-level object, with errors that name the file and the object. */
    private record Fields(String file, int index, CliValue.Obj obj) {

        String string(String member) {
            return optionalString(member).orElseThrow(() -> missing(member, "a string"));
        }

        Optional<String> optionalString(String member) {
            CliValue v = obj.get(member);
            if (v == null || v instanceof CliValue.Nil) {
                return Optional.empty();
            }
            if (v instanceof CliValue.Str s) {
                return Optional.of(s.value());
            }
            throw missing(member, "a string");
        }

        /** The module wrote Enabled as a boolean, and as a string in some releases. */
        boolean bool(String member) {
            CliValue v = obj.get(member);
            if (v instanceof CliValue.Bool b) {
                return b.value();
            }
            if (v instanceof CliValue.Str s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s.value());
            }
            throw missing(member, "true or false");
        }

        int integer(String member) {
            CliValue v = obj.get(member);
            if (v instanceof CliValue.Int32 i) {
                return i.value();
            }
            String text = v instanceof CliValue.Str s ? s.value() : v instanceof CliValue.Other o ? o.text() : "";
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw missing(member, "a whole number");
            }
        }

        private CitrixExportException missing(String member, String what) {
            String policy = obj.get("PolicyName") instanceof CliValue.Str s ? " (policy '" + s.value() + "')" : "";
            return new CitrixExportException(file + ": object " + (index + 1) + policy + ": " + member + " is not " + what, null);
        }
    }
}
