package org.vipctl.plan;

/** Something the user should know before applying; {@code code} is stable (plan JSON). */
public record PlanWarning(String code, String message) {

    public static final String POLICY_OVERRIDE = "policy-override";
    public static final String RESTART_REQUIRED = "restart-required";
    public static final String WINSOCK_CATALOG = "winsock-catalog";
}
