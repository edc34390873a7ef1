package org.vipctl.plan;

/** Something the user should know before applying; {@code code} is stable (plan JSON). */
public record PlanWarning(String code, String message) {

    public static final String POLICY_OVERRIDE = "policy-override";
    public static final String RESTART_REQUIRED = "restart-required";
    public static final String WINSOCK_CATALOG = "winsock-catalog";
    /** Loopback virtualization goes to a key where IP virtualization is not turned on (VIP033). */
    public static final String LOOPBACK_WITHOUT_IP_VIRTUALIZATION = "loopback-without-ip-virtualization";
    /** A value goes to a place the catalog marks unconfirmed (docs/catalog.md). */
    public static final String UNCONFIRMED_PLACEMENT = "unconfirmed-placement";
}
