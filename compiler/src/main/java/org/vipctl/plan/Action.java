package org.vipctl.plan;

/** What a plan does to one value. The labels are part of the plan JSON contract. */
public enum Action {
    NO_OP("no-op"),
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
