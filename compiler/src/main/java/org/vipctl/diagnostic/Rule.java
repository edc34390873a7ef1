package org.vipctl.diagnostic;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules of the policy pipeline with stable ids. Ids never change meaning; retired ids are not
 * reused. Titles, help and examples live in docs/rules.md ({@link RuleDocs}), not here, so that
 * {@code explain}, SARIF and the documentation cannot disagree.
 */
public enum Rule {
    SYNTAX("VIP001"),
    DUPLICATE_KEY("VIP002"),
    LIMIT("VIP003"),
    ENCODING("VIP004"),
    EMPTY("VIP005"),
    UNREADABLE("VIP006"),
    PROJECT_FILE("VIP007"),
    UNKNOWN_KEY("VIP010"),
    WRONG_TYPE("VIP011"),
    NOT_ALLOWED("VIP012"),
    MISSING("VIP013"),
    STRUCTURE("VIP014"),
    PROGRAMS_REQUIRED("VIP020"),
    PROGRAMS_IGNORED("VIP021"),
    NOT_BARE_NAME("VIP022"),
    BAD_PROGRAM("VIP023"),
    DUPLICATE_PROGRAM("VIP024"),
    BAD_CIDR("VIP025"),
    ADAPTER_REQUIRED("VIP026"),
    CITRIX_PROGRAMS_WITHOUT_SUPPORT("VIP030"),
    PREFER_LOOPBACK_PREREQUISITES("VIP031"),
    PREFER_PROCESS_NOT_VIRTUALIZED("VIP032"),
    LOOPBACK_WITHOUT_IP_VIRTUALIZATION("VIP033"),
    PREFER_PROCESSES_WHILE_DISABLED("VIP034"),
    UNSUPPORTED_OS("VIP040"),
    RDS_LOOPBACK_OS("VIP041"),
    CITRIX_OS("VIP042"),
    NO_TARGETS("VIP043"),
    REGISTRY_HIVE("VIP050"),
    REGISTRY_DATA("VIP051"),
    REGISTRY_KEY("VIP052"),
    DUPLICATE_POLICY("VIP060"),
    CONFLICT("VIP061"),
    CITRIX_POLICY("VIP062"),
    CATALOG("VIP070"),
    UNCONFIRMED("VIP071"),
    CITRIX_PROGRAMS_OLD_OS("VIP044"),
    ADMX_SYNTAX("VIP080"),
    ADMX_STRUCTURE("VIP081"),
    ADMX_NAMESPACE("VIP082"),
    ADMX_USING("VIP083"),
    ADMX_REFERENCE("VIP084"),
    ADMX_RESOURCE("VIP085"),
    ADMX_PRESENTATION("VIP086"),
    ADMX_NAME("VIP087"),
    ADMX_DUPLICATE("VIP088"),
    ADMX_REVISION("VIP089"),
    ADMX_ADML_MISSING("VIP090"),
    ADMX_ORPHAN("VIP091"),
    ADMX_TEMPLATE("VIP092"),
    INTUNE_KEY("VIP093"),
    INTUNE_TARGETS("VIP094"),
    INTUNE_REQUIRED("VIP095"),
    IMPORTED_AS_REGISTRY("VIP100"),
    NOT_IMPORTED("VIP101");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The rule's title in docs/rules.md. */
    public String summary() {
        return RuleDocs.builtIn().get(id).map(RuleDoc::title).orElse(id);
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
