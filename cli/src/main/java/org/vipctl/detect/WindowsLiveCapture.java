package org.vipctl.detect;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Captures the sockets of the machine vipctl runs on, through the Windows IP Helper API
 * ({@code GetExtendedTcpTable} / {@code GetExtendedUdpTable} with owner PIDs, IPv4 and IPv6), the
 * process list of a Toolhelp snapshot (image names) and {@code ProcessIdToSessionId}.
 */
public final class WindowsLiveCapture {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 23;
    private static final int TCP_TABLE_OWNER_PID_ALL = 5;
    private static final int UDP_TABLE_OWNER_PID = 1;
    private static final int TRIES = 5;

    private record Process(String image, OptionalInt session) {
    }

    private WindowsLiveCapture() {
    }

    /** @throws CaptureException on any system other than Windows, or when the tables cannot be read */
    public static Capture capture() {
        if (!Platform.isWindows()) {
            throw CaptureException.whole("live", "a live capture needs Windows (this is " + System.getProperty("os.name")
                    + "); run the collector on the server (vipctl detect --print-collector) and give its JSON file");
        }
        Map<Long, Process> processes = processes();
        List<Socket> sockets = new ArrayList<>();
        tcp4(processes, sockets);
        tcp6(processes, sockets);
        udp4(processes, sockets);
        udp6(processes, sockets);
        return new LiveCapture(Optional.ofNullable(System.getenv("COMPUTERNAME")), addresses(), sockets);
    }

    /** Calls a GetExtended*Table function until the buffer is large enough for the table. */
    private interface TableCall {
        int call(Memory buffer, IntByReference size);
    }

    private static Memory table(String what, TableCall call) {
        IntByReference size = new IntByReference(0);
        int rc = call.call(null, size);
        for (int i = 0; i < TRIES; i++) {
            if (rc != WinError.ERROR_INSUFFICIENT_BUFFER && rc != WinError.NO_ERROR) {
                break;
            }
            // the table may grow between the two calls: leave room
            Memory buffer = new Memory(Math.max(size.getValue(), 4) + 4096L);
            size.setValue((int) buffer.size());
            rc = call.call(buffer, size);
            if (rc == WinError.NO_ERROR) {
                return buffer;
            }
        }
        throw CaptureException.whole("live", what + " failed with Windows error " + rc);
    }

    private static void tcp4(Map<Long, Process> processes, List<Socket> out) {
        Memory m = table("GetExtendedTcpTable (IPv4)", (b, s) -> IPHlpAPI.INSTANCE.GetExtendedTcpTable(b, s, false, AF_INET,
                TCP_TABLE_OWNER_PID_ALL, 0));
        IPHlpAPI.MIB_TCPTABLE_OWNER_PID t = new IPHlpAPI.MIB_TCPTABLE_OWNER_PID(m);
        for (int i = 0; i < t.dwNumEntries; i++) {
            IPHlpAPI.MIB_TCPROW_OWNER_PID r = t.table[i];
            Endpoint local = new Endpoint(IpAddress.ofIpv4(ipv4(r.dwLocalAddr)), port(r.dwLocalPort));
            boolean listening = r.dwState == IPHlpAPI.MIB_TCP_STATE.MIB_TCP_STATE_LISTEN;
            Optional<Endpoint> remote = Optional.of(new Endpoint(IpAddress.ofIpv4(ipv4(r.dwRemoteAddr)),
                    listening ? 0 : port(r.dwRemotePort)));
            out.add(socket(Protocol.TCP, local, remote, listening, r.dwOwningPid, processes, "tcp", i));
        }
    }

    private static void tcp6(Map<Long, Process> processes, List<Socket> out) {
        Memory m = table("GetExtendedTcpTable (IPv6)", (b, s) -> IPHlpAPI.INSTANCE.GetExtendedTcpTable(b, s, false, AF_INET6,
                TCP_TABLE_OWNER_PID_ALL, 0));
        IPHlpAPI.MIB_TCP6TABLE_OWNER_PID t = new IPHlpAPI.MIB_TCP6TABLE_OWNER_PID(m);
        for (int i = 0; i < t.dwNumEntries; i++) {
            IPHlpAPI.MIB_TCP6ROW_OWNER_PID r = t.table[i];
            Endpoint local = new Endpoint(IpAddress.ofIpv6(r.LocalAddr), port(r.dwLocalPort));
            boolean listening = r.State == IPHlpAPI.MIB_TCP_STATE.MIB_TCP_STATE_LISTEN;
            Optional<Endpoint> remote = Optional.of(new Endpoint(IpAddress.ofIpv6(r.RemoteAddr),
                    listening ? 0 : port(r.dwRemotePort)));
            out.add(socket(Protocol.TCP, local, remote, listening, r.dwOwningPid, processes, "tcp6", i));
        }
    }

    private static void udp4(Map<Long, Process> processes, List<Socket> out) {
        Memory m = table("GetExtendedUdpTable (IPv4)", (b, s) -> IPHlpAPI.INSTANCE.GetExtendedUdpTable(b, s, false, AF_INET,
                UDP_TABLE_OWNER_PID, 0));
        IPHlpAPI.MIB_UDPTABLE_OWNER_PID t = new IPHlpAPI.MIB_UDPTABLE_OWNER_PID(m);
        for (int i = 0; i < t.dwNumEntries; i++) {
            IPHlpAPI.MIB_UDPROW_OWNER_PID r = t.table[i];
            Endpoint local = new Endpoint(IpAddress.ofIpv4(ipv4(r.dwLocalAddr)), port(r.dwLocalPort));
            out.add(socket(Protocol.UDP, local, Optional.empty(), true, r.dwOwningPid, processes, "udp", i));
        }
    }

    private static void udp6(Map<Long, Process> processes, List<Socket> out) {
        Memory m = table("GetExtendedUdpTable (IPv6)", (b, s) -> IPHlpAPI.INSTANCE.GetExtendedUdpTable(b, s, false, AF_INET6,
                UDP_TABLE_OWNER_PID, 0));
        IPHlpAPI.MIB_UDP6TABLE_OWNER_PID t = new IPHlpAPI.MIB_UDP6TABLE_OWNER_PID(m);
        for (int i = 0; i < t.dwNumEntries; i++) {
            IPHlpAPI.MIB_UDP6ROW_OWNER_PID r = t.table[i];
            Endpoint local = new Endpoint(IpAddress.ofIpv6(r.ucLocalAddr), port(r.dwLocalPort));
            out.add(socket(Protocol.UDP, local, Optional.empty(), true, r.dwOwningPid, processes, "udp6", i));
        }
    }

    private static Socket socket(Protocol protocol, Endpoint local, Optional<Endpoint> remote, boolean listening, int pid,
                                 Map<Long, Process> processes, String table, int row) {
        long p = Integer.toUnsignedLong(pid);
        Process owner = processes.get(p);
        return new Socket(protocol, local, remote, listening, p,
                owner == null ? Optional.empty() : Optional.of(owner.image()),
                owner == null ? OptionalInt.empty() : owner.session(), "live:" + table + "[" + row + "]");
    }

    /** The address field holds the four bytes in network order, read here as a little-endian int. */
    private static byte[] ipv4(int a) {
        return new byte[] {(byte) a, (byte) (a >>> 8), (byte) (a >>> 16), (byte) (a >>> 24)};
    }

    /** The port field holds the port in network byte order in its low 16 bits. */
    private static int port(int p) {
        return ((p & 0xff) << 8) | ((p >>> 8) & 0xff);
    }

    private static Map<Long, Process> processes() {
        Map<Long, Process> out = new HashMap<>();
        WinNT.HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPPROCESS, new WinDef.DWORD(0));
        if (snapshot == null || WinNT.INVALID_HANDLE_VALUE.equals(snapshot)) {
            throw CaptureException.whole("live", "cannot list processes (CreateToolhelp32Snapshot failed with Windows error "
                    + Kernel32.INSTANCE.GetLastError() + ")");
        }
        try {
            Tlhelp32.PROCESSENTRY32.ByReference e = new Tlhelp32.PROCESSENTRY32.ByReference();
            for (boolean more = Kernel32.INSTANCE.Process32First(snapshot, e); more; more = Kernel32.INSTANCE.Process32Next(snapshot, e)) {
                long pid = e.th32ProcessID.longValue();
                String image = com.sun.jna.Native.toString(e.szExeFile);
                IntByReference session = new IntByReference();
                OptionalInt s = Kernel32.INSTANCE.ProcessIdToSessionId((int) pid, session)
                        ? OptionalInt.of(session.getValue()) : OptionalInt.empty();
                out.put(pid, new Process(pid == 0 ? "Idle" : image, s));
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(snapshot);
        }
        return out;
    }

    private static List<ServerAddress> addresses() {
        List<ServerAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress a : n.getInterfaceAddresses()) {
                    IpAddress ip = a.getAddress() instanceof Inet4Address
                            ? IpAddress.ofIpv4(a.getAddress().getAddress()) : IpAddress.ofIpv6(a.getAddress().getAddress());
                    out.add(new ServerAddress(ip, a.getNetworkPrefixLength(), n.getDisplayName()));
                }
            }
        } catch (SocketException e) {
            // without the list the proposal asks for --network-adapter
        }
        return out;
    }
}
