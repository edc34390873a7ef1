package org.vipctl.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Operating systems a policy can target, with the Windows Server release they correspond to
 * ({@code serverRelease}: 2008.5 for 2008 R2, 2012.5 for 2012 R2; 0 for client editions).
 */
public enum TargetOs {
    WINDOWS_SERVER_2008_R2("windowsServer2008R2", "Windows Server 2008 R2", 2008.5),
    WINDOWS_SERVER_2012("windowsServer2012", "Windows Server 2012", 2012),
    WINDOWS_SERVER_2012_R2("windowsServer2012R2", "Windows Server 2012 R2", 2012.5),
    WINDOWS_SERVER_2016("windowsServer2016", "Windows Server 2016", 2016),
    WINDOWS_SERVER_2019("windowsServer2019", "Windows Server 2019", 2019),
    WINDOWS_SERVER_2022("windowsServer2022", "Windows Server 2022", 2022),
    WINDOWS_SERVER_2025("windowsServer2025", "Windows Server 2025", 2025),
    WINDOWS_10("windows10", "Windows 10", 0),
    WINDOWS_11("windows11", "Windows 11", 0),
    WINDOWS_10_MULTI_SESSION("windows10EnterpriseMultiSession", "Windows 10 Enterprise multi-session", 0),
    WINDOWS_11_MULTI_SESSION("windows11EnterpriseMultiSession", "Windows 11 Enterprise multi-session", 0);

    private final String yamlName;
    private final String displayName;
    private final double serverRelease;

    TargetOs(String yamlName, String displayName, double serverRelease) {
        this.yamlName = yamlName;
        this.displayName = displayName;
        this.serverRelease = serverRelease;
    }

    public String yamlName() {
        return yamlName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isServer() {
        return serverRelease > 0;
    }

    /** True for a server release at or above {@code minimum} (e.g. {@code WINDOWS_SERVER_2016}). */
    public boolean atLeast(TargetOs minimum) {
        return isServer() && serverRelease >= minimum.serverRelease;
    }

    public static Optional<TargetOs> ofYamlName(String name) {
        return Arrays.stream(values()).filter(o -> o.yamlName.equals(name)).findFirst();
    }
}
