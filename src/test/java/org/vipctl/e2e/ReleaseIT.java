package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code mvn package} gives a user: one runnable {@code vipctl-<version>.jar} and the release zip. */
class ReleaseIT {

    private static Path zip() {
        String zip = System.getProperty("vipctl.release.zip");
        assertTrue(zip != null && Files.isRegularFile(Path.of(zip)), "system property vipctl.release.zip must name the zip: " + zip);
        return Path.of(zip);
    }

    @Test
    void theOnlyJarNamedLikeTheToolIsTheRunnableOne() throws Exception {
        Path jar = PackagedCli.jar();
        String name = jar.getFileName().toString();
        assertTrue(name.matches("vipctl-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\.jar"), name);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("org.vipctl.cli.Main", j.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        List<String> jars;
        try (Stream<Path> s = Files.list(jar.getParent())) {
            jars = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        // the classes-only jar Maven also leaves behind must not look like the tool
        assertEquals(List.of(name), jars.stream().filter(n -> n.startsWith("vipctl")).toList(), jars.toString());

        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "--version");
        PackagedCli.Result r = PackagedCli.exec(cmd, jar.getParent(), 60, StandardCharsets.UTF_8);
        assertEquals(0, r.code(), r.toString());
        String version = name.substring("vipctl-".length(), name.length() - ".jar".length());
        assertTrue(r.out().startsWith("vipctl " + version + "\n") || r.out().startsWith("vipctl " + version + "\r\n"), r.toString());
    }

    @Test
    void zipHoldsTheJarAndBothLaunchersInOneVersionedFolder() throws Exception {
        String jarName = PackagedCli.jar().getFileName().toString();
        String folder = jarName.substring(0, jarName.length() - ".jar".length());
        assertEquals(folder + ".zip", zip().getFileName().toString());
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip().toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/" + folder);
            Path jar = root.resolve(jarName);
            assertTrue(Files.isRegularFile(jar), "no " + jar + " in the zip");
            assertEquals(Files.size(PackagedCli.jar()), Files.size(jar));
            List<String> top;
            try (Stream<Path> s = Files.list(fs.getPath("/"))) {
                top = s.map(p -> p.getFileName().toString().replace("/", "")).toList();
            }
            assertEquals(List.of(folder), top, "everything sits in one folder");

            Set<PosixFilePermission> perms = Files.getFileAttributeView(root.resolve("vipctl"), PosixFileAttributeView.class)
                    .readAttributes().permissions();
            assertTrue(perms.contains(PosixFilePermission.OWNER_EXECUTE), "./vipctl is executable: " + perms);
            String sh = Files.readString(root.resolve("vipctl"));
            assertTrue(sh.startsWith("#!/bin/sh\n") && !sh.contains("\r"), "POSIX launcher with LF line ends");
            String cmd = Files.readString(root.resolve("vipctl.cmd"));
            assertTrue(cmd.startsWith("@echo off\r\n") && !cmd.replace("\r\n", "").contains("\n"), "vipctl.cmd with CRLF line ends");
            for (String f : List.of("README.md", "docs/gitops.md", "examples", "ci/windows")) {
                assertTrue(Files.exists(root.resolve(f)), f + " is in the zip");
            }
        }
    }

    @Test
    void unzippedLauncherRunsTheJarBesideIt(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/usr/bin/unzip")),
                "needs /bin/sh and unzip (a POSIX system) to run the unzipped launcher");
        PackagedCli.Result u = PackagedCli.exec(List.of("/usr/bin/unzip", "-q", zip().toString()), tmp, 120, StandardCharsets.UTF_8);
        assertEquals(0, u.code(), u.toString());
        String jarName = PackagedCli.jar().getFileName().toString();
        Path home = tmp.resolve(jarName.substring(0, jarName.length() - ".jar".length()));
        List<String> cmd = new ArrayList<>(List.of(home.resolve("vipctl").toString(), "validate", "examples"));
        PackagedCli.Result r = PackagedCli.exec(cmd, home, 120, StandardCharsets.UTF_8,
                "JAVA_HOME", System.getProperty("java.home"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("valid: ")), r.toString());
        assertFalse(r.err().contains("building"), "a release folder never builds: " + r);
    }
}
