package org.vipctl.detect;

/**
 * The image name Windows and the virtualization features match ({@code crm.exe}): the file name of
 * the process's path when known, else the process name PowerShell shows ({@code crm}) with {@code .exe}.
 * A few kernel processes have no file and keep their bare name ({@code System}, {@code Registry}).
 */
final class ImageName {

    private ImageName() {
    }

    static String of(String processName, String path) {
        String p = path.strip();
        if (!p.isEmpty()) {
            int slash = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
            String leaf = p.substring(slash + 1);
            if (!leaf.isEmpty()) {
                return leaf;
            }
        }
        String n = processName.strip();
        if (n.isEmpty()) {
            return "";
        }
        String lower = n.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".exe") || SystemProcesses.KERNEL.contains(lower)) {
            return n;
        }
        return n + ".exe";
    }
}
