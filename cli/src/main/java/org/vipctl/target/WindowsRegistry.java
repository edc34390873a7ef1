package org.vipctl.target;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegData;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

/**
 * The live registry of this Windows machine, HKLM only. Every call names its view explicitly
 * (KEY_WOW64_64KEY or KEY_WOW64_32KEY) so a 32-bit JVM cannot land in the wrong one; values are read
 * as type plus raw bytes with RegQueryValueEx (never expanded, REG_MULTI_SZ included) and written
 * from the same raw bytes. All comparison and recovery logic lives in the planner and applier.
 */
public final class WindowsRegistry implements Registry {

    private final boolean writable;

    private WindowsRegistry(boolean writable) {
        this.writable = writable;
    }

    /** @param forWriting refuse unless this process is elevated (writes to HKLM need it) */
    public static WindowsRegistry open(boolean forWriting) {
        if (!Platform.isWindows()) {
            throw new RegistryException("the windows target needs Windows; on this machine use --target regfile:FILE");
        }
        if (forWriting && !Advapi32Util.isCurrentProcessElevated()) {
            throw new RegistryException("writing HKLM needs an elevated process: run vipctl from an elevated"
                    + " prompt (Run as administrator) or as SYSTEM from a scheduled task");
        }
        return new WindowsRegistry(forWriting);
    }

    @Override
    public String target() {
        return "windows";
    }

    /** The view flag for RegOpenKeyEx and friends. */
    static int viewFlag(View view) {
        return view == View.BIT32 ? WinNT.KEY_WOW64_32KEY : WinNT.KEY_WOW64_64KEY;
    }

    /** Checks done before any native call: HKLM only, and no REG_MULTI_SZ item Windows would drop. */
    static void checkWritable(RegKey key, Optional<RegValue> value) {
        if (key.hive() != Hive.HKLM) {
            throw new RegistryException("the windows target writes HKLM only, not " + key);
        }
        if (value.isPresent() && value.get() instanceof RegValue.MultiSz m && m.items().contains("")) {
            throw new RegistryException("REG_MULTI_SZ " + key + " has an empty item; Windows would cut the list there");
        }
    }

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        if (key.hive() != Hive.HKLM) {
            throw new RegistryException("the windows target reads HKLM only, not " + key);
        }
        if (RegistryEntry.isKeyOnly(name)) {
            return keyExists(key) ? Optional.of(new RegValue.None()) : Optional.empty();
        }
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, key.path(), 0,
                WinNT.KEY_QUERY_VALUE | viewFlag(key.view()), ref);
        if (rc == W32Errors.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, "open " + key);
        try {
            return query(ref.getValue(), key, name);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(ref.getValue());
        }
    }

    private static Optional<RegValue> query(WinReg.HKEY h, RegKey key, String name) {
        IntByReference type = new IntByReference();
        IntByReference size = new IntByReference();
        for (int attempt = 0; attempt < 5; attempt++) {
            int rc = Advapi32.INSTANCE.RegQueryValueEx(h, name, 0, type, (Pointer) null, size);
            if (rc == W32Errors.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(rc, "read " + key + "\\" + name);
            byte[] data = new byte[size.getValue()];
            rc = size.getValue() == 0 ? W32Errors.ERROR_SUCCESS
                    : Advapi32.INSTANCE.RegQueryValueEx(h, name, 0, type, data, size);
            if (rc == W32Errors.ERROR_MORE_DATA) {
                continue;
            }
            check(rc, "read " + key + "\\" + name);
            byte[] exact = java.util.Arrays.copyOf(data, size.getValue());
            RegType t = RegType.ofCode(type.getValue()).orElseThrow(() -> new RegistryException(key + "\\" + name
                    + " has registry type " + type.getValue() + ", which vipctl does not manage"));
            try {
                return Optional.of(RegData.decode(t, exact));
            } catch (IllegalArgumentException e) {
                throw new RegistryException(key + "\\" + name + ": " + e.getMessage(), e);
            }
        }
        throw new RegistryException(key + "\\" + name + " kept changing size while being read");
    }

    /**
     * The value names of {@code key} in its view, in the order Windows enumerates them; empty when
     * the key does not exist. Read-only: for {@code vipctl import windows}.
     */
    public List<String> valueNames(RegKey key) {
        if (key.hive() != Hive.HKLM) {
            throw new RegistryException("the windows target reads HKLM only, not " + key);
        }
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, key.path(), 0,
                WinNT.KEY_QUERY_VALUE | viewFlag(key.view()), ref);
        if (rc == W32Errors.ERROR_FILE_NOT_FOUND) {
            return List.of();
        }
        check(rc, "open " + key);
        WinReg.HKEY h = ref.getValue();
        try {
            IntByReference count = new IntByReference();
            IntByReference maxName = new IntByReference();
            check(Advapi32.INSTANCE.RegQueryInfoKey(h, null, null, null, null, null, null, count, maxName,
                    null, null, null), "query " + key);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                char[] name = new char[maxName.getValue() + 1];
                IntByReference length = new IntByReference(name.length);
                rc = Advapi32.INSTANCE.RegEnumValue(h, i, name, length, null, null, (byte[]) null, null);
                if (rc == W32Errors.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                check(rc, "list the values of " + key);
                names.add(new String(name, 0, length.getValue()));
            }
            return names;
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
    }

    @Override
    public boolean keyExists(RegKey key) {
        return key.hive() == Hive.HKLM
                && Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key.path(), viewFlag(key.view()));
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        checkWritable(key, Optional.of(value));
        requireWritable();
        try {
            Advapi32Util.registryCreateKey(WinReg.HKEY_LOCAL_MACHINE, key.path(), viewFlag(key.view()));
        } catch (Win32Exception e) {
            throw new RegistryException("cannot create " + key + ": " + e.getMessage(), e);
        }
        if (RegistryEntry.isKeyOnly(name)) {
            return; // the key is what was wanted
        }
        WinReg.HKEY h = openForWrite(key).orElseThrow(() -> new RegistryException(key + " vanished after creation"));
        try {
            byte[] data = value.toBytes();
            check(Advapi32.INSTANCE.RegSetValueEx(h, name, 0, value.type().code(), data, data.length),
                    "write " + key + "\\" + name);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
    }

    @Override
    public void delete(RegKey key, String name) {
        checkWritable(key, Optional.empty());
        requireWritable();
        Optional<WinReg.HKEY> h = openForWrite(key);
        if (h.isEmpty()) {
            return;
        }
        if (RegistryEntry.isKeyOnly(name)) {
            deleteIfEmpty(key, h.get());
            return;
        }
        try {
            int rc = Advapi32.INSTANCE.RegDeleteValue(h.get(), name);
            if (rc != W32Errors.ERROR_FILE_NOT_FOUND) {
                check(rc, "delete " + key + "\\" + name);
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h.get());
        }
    }

    /** Takes back a created key: only while it has no values and no subkeys, as when it was made. */
    private static void deleteIfEmpty(RegKey key, WinReg.HKEY h) {
        IntByReference subkeys = new IntByReference();
        IntByReference values = new IntByReference();
        int rc;
        try {
            rc = Advapi32.INSTANCE.RegQueryInfoKey(h, null, null, null, subkeys, null, null, values, null, null, null, null);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
        check(rc, "inspect " + key);
        if (subkeys.getValue() != 0 || values.getValue() != 0) {
            return;
        }
        int cut = key.path().lastIndexOf('\\');
        try {
            Advapi32Util.registryDeleteKey(WinReg.HKEY_LOCAL_MACHINE, cut < 0 ? "" : key.path().substring(0, cut),
                    key.path().substring(cut + 1), viewFlag(key.view()));
        } catch (Win32Exception e) {
            throw new RegistryException("cannot delete the empty key " + key + ": " + e.getMessage(), e);
        }
    }

    private Optional<WinReg.HKEY> openForWrite(RegKey key) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, key.path(), 0,
                WinNT.KEY_SET_VALUE | WinNT.KEY_QUERY_VALUE | viewFlag(key.view()), ref);
        if (rc == W32Errors.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, "open " + key + " for writing");
        return Optional.of(ref.getValue());
    }

    private void requireWritable() {
        if (!writable) {
            throw new RegistryException("this windows target was opened read-only");
        }
    }

    private static void check(int rc, String what) {
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new RegistryException("cannot " + what + ": " + new Win32Exception(rc).getMessage());
        }
    }
}
