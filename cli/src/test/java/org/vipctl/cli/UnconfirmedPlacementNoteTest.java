package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes or plans a value at an unconfirmed place says so once, with the
 * override: compile (per output scope) and plan/apply (as a plan warning).
 */
class UnconfirmedPlacementNoteTest {

    @TempDir
    Path tmp;

    private static String crm() {
        return ValidateCommandTest.examples().resolve("crm-ip-virtualization.yaml").toString();
    }

    private static String licence() {
        return ValidateCommandTest.examples().resolve("licence-loopback.yaml").toString();
    }

    private static long count(String text, String fragment) {
        return text.lines().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void compileOfRegFilesNotesPerAppOnce() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("compile", "--notes", "--emit", "reg", "-o", tmp.toString(), crm());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(1, count(r.err(), ": note: (local scope) PerApp is written to"), r.err());
        assertTrue(r.err().contains("--catalog"), r.err());
    }

    @Test
    void compileOfPolAndGpoNotesThePolicyScopeOnceAndNotPerApp() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("compile", "--notes", "--emit", "pol,gpo", "-o", tmp.toString(),
                crm(), licence());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(1, count(r.err(), ": note: (policy scope) VirtualizeLoopbackAdresses is written to"), r.err());
        assertEquals(0, count(r.err(), "PerApp is written"), r.err());
    }

    @Test
    void withoutNotesCompileCountsTheNoteInsteadOfListingIt() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("compile", "--emit", "reg", "-o", tmp.toString(), crm());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(0, count(r.err(), ": note: "), r.err());
        assertEquals(0, count(r.err(), "PerApp is written"), "its hint goes with it too\n" + r.err());
        assertEquals(java.util.List.of("1 note (not listed; --notes lists it)"), r.err().lines().toList());
    }

    @Test
    void planWarnsAboutPerAppInTheLocalScope() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("plan", "--target", "regfile:" + tmp.resolve("image.reg"),
                "--scope", "local", crm());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        // the plan text wraps long warnings at 100 columns with an indented continuation
        String flat = r.out().replace("\n    ", " ");
        assertEquals(1, count(flat, "[unconfirmed-placement]"), r.out());
        assertTrue(flat.contains("warning: PerApp is written to HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal"
                + " Server\\TSAppSrv\\VirtualIP, a place Microsoft does not document"), r.out());
    }
}
