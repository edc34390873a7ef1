package org.vipctl.diagnostic;

import java.util.Objects;

/**
 * Why a finding is not reported: a {@code # vipctl:ignore} comment in the policy file
 * ({@code IN_SOURCE}) or an {@code ignore} entry of the project's {@code .vipctl.yaml}
 * ({@code PROJECT}), at {@code where}, with the reason its author wrote (may be empty).
 */
public record Suppression(Kind kind, Location where, String reason) {

    public enum Kind {
        IN_SOURCE, PROJECT
    }

    public Suppression {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(where);
        reason = reason == null ? "" : reason;
    }
}
