package org.vipctl.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the programs that need virtual IP or virtual loopback, the way Citrix tells admins to do it by
 * hand with TCPView: look at what each process listens on, then at a second instance.
 * <ul>
 * <li>Listeners on 127.0.0.1 call for virtual loopback; on 0.0.0.0, :: or a server address for
 * virtual IP.</li>
 * <li>The same program on the same port in two or more instances (sessions, or captures) is a
 * definite conflict. A port that differs between instances is ephemeral and needs nothing. A port
 * seen in one instance only is a probable candidate when it lies below the dynamic range.</li>
 * <li>Session 0 (services), the documented system processes and --exclude names are left out.</li>
 * <li>A connection to a candidate's loopback port from another process of the same session is the
 * client side of the pair, listed with the candidate.</li>
 * </ul>
 * Instances are told apart by session and PID, so a process seen in two captures counts once.
 */
public final class Analyser {

    /** Ephemeral ports named in a left-out entry; clients listed per candidate. */
    private static final int MAX_LISTED = 5;
    private static final int MAX_CLIENTS = 100;

    private final DetectOptions options;

    public Analyser(DetectOptions options) {
        this.options = options;
    }

    /** A listening socket with the capture it came from. */
    private record Bound(Socket socket, Instance instance, int capture) {
    }

    public Report analyse(List<Capture> captures) {
        List<String> notes = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        Map<String, String> display = new TreeMap<>();
        Map<String, List<Bound>> listeners = new TreeMap<>();
        Map<String, Set<Instance>> instances = new TreeMap<>();
        Map<Long, Set<String>> unnamed = new TreeMap<>();
        List<CaptureSummary> summaries = new ArrayList<>();
        List<Map<Integer, List<Socket>>> loopbackClients = new ArrayList<>();
        for (int c = 0; c < captures.size(); c++) {
            Capture capture = captures.get(c);
            summaries.add(summary(capture));
            Map<Integer, List<Socket>> clients = new TreeMap<>();
            loopbackClients.add(clients);
            for (Socket s : capture.sockets()) {
                if (!s.listening() && s.protocol() == Protocol.TCP && s.remote().isPresent()
                        && s.remote().get().address().kind() == IpAddress.Kind.LOOPBACK) {
                    clients.computeIfAbsent(s.remote().get().port(), x -> new ArrayList<>()).add(s);
                }
                Instance instance = new Instance(s.pid(), s.session());
                Optional<String> key = s.imageKey();
                key.ifPresent(k -> {
                    display.putIfAbsent(k, s.image().orElseThrow());
                    instances.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(instance);
                });
                if (!s.listening()) {
                    continue;
                }
                if (key.isEmpty()) {
                    if (s.pid() > 4) {
                        unnamed.computeIfAbsent(s.pid(), x -> new TreeSet<>()).add(s.local() + " " + s.protocol());
                    }
                    continue;
                }
                listeners.computeIfAbsent(key.get(), x -> new ArrayList<>()).add(new Bound(s, instance, c));
            }
            if (!capture.sessionsKnown()) {
                notes.add(capture.source() + ": no sessions in this capture, so services (session 0) cannot be told"
                        + " from programs in user sessions; the collector script or a tasklist /fo csv capture has them");
            }
        }
        for (Map.Entry<Long, Set<String>> e : unnamed.entrySet()) {
            leftOut.add(new LeftOut("PID " + e.getKey(), LeftOut.Reason.NO_NAME, "listens on "
                    + String.join(", ", e.getValue()) + "; capture with netstat -abno, add tasklist /fo csv, or use the collector"));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<Bound>> e : listeners.entrySet()) {
            String name = display.get(e.getKey());
            judge(name, e.getValue(), instances.get(e.getKey()), loopbackClients, candidates, leftOut);
        }
        candidates.sort(Comparator.comparing(Candidate::certainty).thenComparing(c -> c.program().toLowerCase(Locale.ROOT)));
        if (candidates.stream().anyMatch(c -> c.certainty() == Certainty.PROBABLE)) {
            notes.add("probable candidates were seen in one instance only: start a second instance (another session)"
                    + " and capture again, then give both captures (vipctl detect A.json B.json) to tell a fixed port"
                    + " from an ephemeral one");
        }
        List<ServerAddress> addresses = captures.stream().flatMap(c -> c.serverAddresses().stream()).distinct().toList();
        return new Report(options.platform(), summaries, candidates, leftOut, notes, addresses);
    }

    private void judge(String name, List<Bound> bound, Set<Instance> allInstances,
                       List<Map<Integer, List<Socket>>> loopbackClients, List<Candidate> candidates, List<LeftOut> leftOut) {
        String key = name.toLowerCase(Locale.ROOT);
        if (options.exclude().contains(key)) {
            leftOut.add(new LeftOut(name, LeftOut.Reason.EXCLUDED, "named with --exclude"));
            return;
        }
        if (options.system().contains(name)) {
            leftOut.add(new LeftOut(name, LeftOut.Reason.SYSTEM_PROCESS, "a Windows process on the documented list"));
            return;
        }
        if (!ProgramName.listable(name)) {
            leftOut.add(new LeftOut(ProposalWriter.oneLine(name), LeftOut.Reason.NOT_AN_EXE,
                    "program lists take bare .exe file names only"));
            return;
        }
        List<Bound> user = bound.stream().filter(b -> options.includeServices()
                || b.socket().session().isEmpty() || b.socket().session().getAsInt() != 0).toList();
        if (user.isEmpty()) {
            leftOut.add(new LeftOut(name, LeftOut.Reason.SERVICES, "listens only in session 0 (services) on "
                    + ports(bound) + "; --include-services takes services in"));
            return;
        }
        Map<String, List<Bound>> byPort = new TreeMap<>(Comparator.comparing((String k) -> k.substring(0, 3))
                .thenComparingInt(k -> Integer.parseInt(k.substring(4))));
        for (Bound b : user) {
            byPort.computeIfAbsent(b.socket().protocol() + " " + b.socket().local().port(), x -> new ArrayList<>()).add(b);
        }
        // per protocol: each listening instance with one of its ports, to show what "other ports" means
        Map<Protocol, Map<Instance, Integer>> portOf = new TreeMap<>();
        for (Bound b : user) {
            portOf.computeIfAbsent(b.socket().protocol(), x -> new LinkedHashMap<>())
                    .putIfAbsent(b.instance(), b.socket().local().port());
        }
        List<PortEvidence> evidence = new ArrayList<>();
        List<String> ephemeral = new ArrayList<>();
        for (List<Bound> onPort : byPort.values()) {
            Socket first = onPort.get(0).socket();
            Set<Instance> here = new LinkedHashSet<>();
            onPort.forEach(b -> here.add(b.instance()));
            List<String> otherPorts = new ArrayList<>();
            int others = 0;
            for (Map.Entry<Instance, Integer> o : portOf.get(first.protocol()).entrySet()) {
                if (!here.contains(o.getKey())) {
                    others++;
                    if (otherPorts.size() < 3) {
                        otherPorts.add(o.getValue() + " in " + o.getKey());
                    }
                }
            }
            int port = first.local().port();
            String where = first.protocol() + " " + port;
            Certainty certainty;
            String rule;
            if (here.size() >= 2) {
                certainty = Certainty.DEFINITE;
                rule = "the same port in " + here.size() + " instances (" + describe(here) + "): they collide without"
                        + " virtualization";
            } else if (others > 0) {
                ephemeral.add(where + " (other instances use other ports: " + String.join(", ", otherPorts)
                        + (others > otherPorts.size() ? ", ..." : "") + ")");
                continue;
            } else if (port < DetectOptions.DYNAMIC_RANGE_START) {
                certainty = Certainty.PROBABLE;
                Set<Instance> silent = new LinkedHashSet<>(allInstances);
                silent.removeAll(here);
                rule = "a fixed-looking port (below " + DetectOptions.DYNAMIC_RANGE_START + ") in the one instance seen"
                        + (silent.isEmpty() ? "" : "; the other instances (" + describe(silent)
                        + ") do not listen on it: their bind may have failed");
            } else {
                ephemeral.add(where + " (dynamic range, one instance)");
                continue;
            }
            Set<Need> needs = EnumSet.noneOf(Need.class);
            Set<String> addresses = new LinkedHashSet<>();
            List<String> origins = new ArrayList<>();
            for (Bound b : onPort) {
                needs.add(Need.of(b.socket().local().address().kind()));
                addresses.add(b.socket().local().address().toString());
                origins.add(b.socket().origin());
            }
            evidence.add(new PortEvidence(first.protocol(), port, certainty, rule, needs, List.copyOf(addresses),
                    List.copyOf(here), origins));
        }
        if (evidence.isEmpty()) {
            leftOut.add(new LeftOut(name, LeftOut.Reason.EPHEMERAL, "ephemeral ports only, nothing to virtualize: "
                    + String.join("; ", ephemeral.subList(0, Math.min(ephemeral.size(), MAX_LISTED)))
                    + (ephemeral.size() > MAX_LISTED ? "; and " + (ephemeral.size() - MAX_LISTED) + " more" : "")));
            return;
        }
        Certainty certainty = evidence.stream().map(PortEvidence::certainty).min(Comparator.naturalOrder()).orElseThrow();
        Set<Need> needs = EnumSet.noneOf(Need.class);
        evidence.forEach(p -> needs.addAll(p.needs()));
        candidates.add(new Candidate(name, certainty, needs, evidence, clients(evidence, loopbackClients, user)));
    }

    /** Processes of the same session connected to a loopback port the candidate listens on. */
    private static List<ClientLink> clients(List<PortEvidence> evidence, List<Map<Integer, List<Socket>>> loopbackClients,
                                            List<Bound> user) {
        Map<String, ClientLink> found = new LinkedHashMap<>();
        for (PortEvidence p : evidence) {
            if (p.protocol() != Protocol.TCP || !p.needs().contains(Need.VIRTUAL_LOOPBACK)) {
                continue;
            }
            for (Bound b : user) {
                Socket listener = b.socket();
                if (listener.protocol() != Protocol.TCP || listener.local().port() != p.port()
                        || listener.local().address().kind() != IpAddress.Kind.LOOPBACK) {
                    continue;
                }
                for (Socket s : loopbackClients.get(b.capture()).getOrDefault(p.port(), List.of())) {
                    boolean sameSession = s.session().isEmpty() || listener.session().isEmpty()
                            || s.session().getAsInt() == listener.session().getAsInt();
                    if (s.pid() != listener.pid() && sameSession && found.size() < MAX_CLIENTS) {
                        String program = s.image().orElse("PID " + s.pid());
                        Instance in = new Instance(s.pid(), s.session());
                        found.putIfAbsent(program.toLowerCase(Locale.ROOT) + "|" + in,
                                new ClientLink(program, in, s.remote().orElseThrow(), s.origin()));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static CaptureSummary summary(Capture c) {
        Set<Integer> sessions = new TreeSet<>();
        int listening = 0;
        for (Socket s : c.sockets()) {
            s.session().ifPresent(sessions::add);
            listening += s.listening() ? 1 : 0;
        }
        return new CaptureSummary(c.source(), c.kind(), c.sockets().size(), listening, c.sessionsKnown(), List.copyOf(sessions));
    }

    private static String describe(Set<Instance> instances) {
        List<String> parts = new ArrayList<>();
        for (Instance i : instances) {
            if (parts.size() == MAX_LISTED) {
                parts.add("and " + (instances.size() - MAX_LISTED) + " more");
                break;
            }
            parts.add(i.toString());
        }
        return String.join(", ", parts);
    }

    private static String ports(List<Bound> bound) {
        Set<String> ports = new TreeSet<>();
        for (Bound b : bound) {
            OptionalInt s = b.socket().session();
            ports.add(b.socket().protocol() + " " + b.socket().local() + (s.isPresent() ? " in session " + s.getAsInt() : ""));
        }
        return String.join(", ", ports);
    }
}
