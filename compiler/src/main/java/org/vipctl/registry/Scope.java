package org.vipctl.registry;

/**
 * Where a setting is written. {@code POLICY}: the keys Group Policy writes (Registry.pol, GPO
 * folders). {@code LOCAL}: the keys an administrator sets on the server itself, what
 * {@code apply} writes by default. Windows reads the policy key first where both exist.
 */
public enum Scope {
    POLICY, LOCAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
