package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VIP033 looks at the keys each output writes: crm-ip-virtualization turns IP virtualization on and
 * licence-loopback loopback virtualization; in the local scope both go to the SYSTEM key, in the
 * policy scope EnableVirtualIP goes to Group Policy's key. Each command reports its own scopes.
 */
class LoopbackKeysScopeTest {

    @TempDir
    Path tmp;

    private static String[] policies() {
        return new String[] {ValidateCommandTest.examples().resolve("crm-ip-virtualization.yaml").toString(),
            ValidateCommandTest.examples().resolve("licence-loopback.yaml").toString()};
    }

    private static String[] args(String... head) {
        String[] p = policies();
        String[] all = new String[head.length + p.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(p, 0, all, head.length, p.length);
        return all;
    }

    @Test
    void regFilesAreFineAndGroupPolicyOutputsAreWarnedAbout() {
        ValidateCommandTest.Result reg = ValidateCommandTest.run(args("compile", "--emit", "reg", "-o", tmp.resolve("a").toString()));
        assertEquals(ExitCodes.OK, reg.code(), reg.err());
        assertFalse(reg.err().contains("VIP033"), reg.err());
        ValidateCommandTest.Result pol = ValidateCommandTest.run(args("compile", "--emit", "pol,gpo", "-o", tmp.resolve("b").toString()));
        assertEquals(ExitCodes.OK, pol.code(), pol.err());
        assertEquals(1, pol.err().lines().filter(l -> l.contains(": warning: ") && l.endsWith("[VIP033]")).count(), pol.err());
        assertTrue(pol.err().contains("licence-loopback.yaml:15:14: warning: "), pol.err());
    }

    @Test
    void planReportsOnlyTheScopeItPlans() {
        String target = "regfile:" + tmp.resolve("image.reg");
        ValidateCommandTest.Result local = ValidateCommandTest.run(args("plan", "--target", target, "--scope", "local"));
        assertFalse(local.out().contains("[loopback-without-ip-virtualization]"), local.out());
        assertFalse(local.err().contains("VIP033"), local.err());
        ValidateCommandTest.Result policy = ValidateCommandTest.run(args("plan", "--target", target, "--scope", "policy"));
        // the plan text wraps long warnings at 100 columns with an indented continuation
        assertTrue(policy.out().replace("\n    ", " ").contains("EnableVirtualIP goes to HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal"
                + " Services\\TSAppSrv\\VirtualIP, not to HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server"
                + "\\TSAppSrv\\VirtualIP [loopback-without-ip-virtualization]"), policy.out());
    }
}
