package org.vipctl.model;

/** RD IP Virtualization mode: per program (Windows' default) or per session. */
public enum IpVirtualizationMode {
    PER_PROGRAM("perProgram"),
    PER_SESSION("perSession");

    private final String yamlName;

    IpVirtualizationMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static IpVirtualizationMode ofYamlName(String s) {
        for (IpVirtualizationMode m : values()) {
            if (m.yamlName.equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode " + s);
    }
}
