package org.vipctl.diagnostic;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules of the policy pipeline with stable ids. Ids never change meaning; retired ids are not
 * reused. docs/rules.md explains each one.
 */
public enum Rule {
    SYNTAX("VIP001", "YAML syntax error"),
    DUPLICATE_KEY("VIP002", "Duplicate mapping key"),
    LIMIT("VIP003", "Input exceeds a safety limit (size, aliases, nesting)"),
    ENCODING("VIP004", "File is not UTF-8 text"),
    EMPTY("VIP005", "No policy found"),
    UNREADABLE("VIP006", "Path missing or unreadable"),
    UNKNOWN_KEY("VIP010", "Unknown key"),
    WRONG_TYPE("VIP011", "Value has the wrong type"),
    NOT_ALLOWED("VIP012", "Value is not one of the allowed values or does not match the expected form"),
    MISSING("VIP013", "Required key missing"),
    STRUCTURE("VIP014", "Structure does not match the policy schema"),
    PROGRAMS_REQUIRED("VIP020", "Per-program mode needs a program list"),
    PROGRAMS_IGNORED("VIP021", "Program list is ignored in per-session mode"),
    NOT_BARE_NAME("VIP022", "Program entry is not a bare executable name"),
    BAD_PROGRAM("VIP023", "Program entry is empty, has wildcards or is not an .exe"),
    DUPLICATE_PROGRAM("VIP024", "Program listed twice"),
    BAD_CIDR("VIP025", "Network adapter is not an IPv4 address in CIDR form"),
    ADAPTER_REQUIRED("VIP026", "Network adapter required when IP virtualization is enabled"),
    CITRIX_PROGRAMS_WITHOUT_SUPPORT("VIP030", "Citrix loopback programs without loopback support enabled"),
    PREFER_LOOPBACK_PREREQUISITES("VIP031", "Prefer loopback needs IP virtualization and Citrix virtual loopback"),
    PREFER_PROCESS_NOT_VIRTUALIZED("VIP032", "Prefer-loopback process is not in the virtual loopback program list"),
    LOOPBACK_WITHOUT_IP_VIRTUALIZATION("VIP033", "Loopback virtualization on while IP virtualization is off"),
    UNSUPPORTED_OS("VIP040", "Feature not supported on a client or multi-session OS"),
    RDS_LOOPBACK_OS("VIP041", "RDS loopback virtualization needs Windows Server 2012 or later"),
    CITRIX_OS("VIP042", "Citrix virtual loopback needs Windows Server 2016 or later"),
    NO_TARGETS("VIP043", "No target OS listed"),
    REGISTRY_HIVE("VIP050", "Registry value outside HKLM"),
    REGISTRY_DATA("VIP051", "Registry data does not fit its type"),
    REGISTRY_KEY("VIP052", "Registry key path is not valid"),
    DUPLICATE_POLICY("VIP060", "Two policies with the same name"),
    CONFLICT("VIP061", "Two policies set the same registry value to different data"),
    CITRIX_POLICY("VIP062", "Citrix policy settings are not valid"),
    CATALOG("VIP070", "Setting catalog file is not valid"),
    UNCONFIRMED("VIP071", "Placement is not confirmed by vendor documentation"),
    CITRIX_PROGRAMS_OLD_OS("VIP044", "Citrix virtual loopback programs listed while some targets are below Windows Server 2016"),
    ADMX_SYNTAX("VIP080", "ADMX/ADML file is not well-formed XML, has a DOCTYPE, or cannot be read"),
    ADMX_STRUCTURE("VIP081", "ADMX/ADML content the format does not define, or a required part missing"),
    ADMX_NAMESPACE("VIP082", "Target namespace defined by more than one ADMX file"),
    ADMX_USING("VIP083", "Namespace named by 'using' is not in the store"),
    ADMX_REFERENCE("VIP084", "Reference does not resolve (unknown prefix or name)"),
    ADMX_RESOURCE("VIP085", "$(string.X) or $(presentation.X) missing from an ADML file"),
    ADMX_PRESENTATION("VIP086", "Presentation control does not match the policy's elements"),
    ADMX_NAME("VIP087", "Id is not a valid name (letters, digits, underscore)"),
    ADMX_DUPLICATE("VIP088", "Policy, category, element or resource id defined twice"),
    ADMX_REVISION("VIP089", "ADML revision below the ADMX's minRequiredRevision"),
    ADMX_ADML_MISSING("VIP090", "ADMX file has no ADML file in a language folder"),
    ADMX_ORPHAN("VIP091", "ADML file without an ADMX file"),
    ADMX_TEMPLATE("VIP092", "Catalog data for the ADMX template is not valid"),
    INTUNE_KEY("VIP093", "Intune ADMX ingestion refuses this registry key"),
    IMPORTED_AS_REGISTRY("VIP100", "Imported value kept as a registry entry instead of a typed field"),
    NOT_IMPORTED("VIP101", "Source content a policy cannot express, left out of the import");

    private final String id;
    private final String summary;

    Rule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public Diagnostic error(Location at, String message, String hint) {
        return Diagnostic.error(id, at, message, hint);
    }

    public Diagnostic warning(Location at, String message, String hint) {
        return Diagnostic.warning(id, at, message, hint);
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
