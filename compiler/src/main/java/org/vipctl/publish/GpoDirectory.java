package org.vipctl.publish;

import java.util.Optional;

/**
 * The Active Directory half of domain GPOs, as {@link Publisher} needs it. {@link LdapDirectory}
 * is the real one; tests use one in memory.
 */
public interface GpoDirectory {

    /** The domain's DNS name, e.g. {@code corp.example}. */
    String domain();

    /**
     * The GPO named {@code nameOrGuid}: a {@code {GUID}} is looked up by GUID, anything else by
     * display name.
     *
     * @throws PublishException when the name is not unique
     */
    Optional<GpoContainer> find(String nameOrGuid);

    /** Creates a GPO container (and its {@code CN=Machine}, {@code CN=User} children) for a new SYSVOL folder. */
    GpoContainer create(String guid, String displayName, long version, String machineExtensionNames);

    /**
     * Sets {@code versionNumber} and {@code gPCMachineExtensionNames} only if the container's
     * {@code versionNumber} is still {@code expected.version()} (one atomic modify: remove the old
     * value, add the new one). Returns false, changing nothing, when it moved.
     */
    boolean updateIfUnchanged(GpoContainer expected, long version, String machineExtensionNames);
}
