package org.vipctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vipctl.model.LoopbackAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "loopback-address", addMethodSubcommands = false,
        description = "Show the loopback address a session's programs use under loopback virtualization (bind to 127.0.0.1 is redirected to 127.0.0.1 + session id). A client in the same session must connect to this address itself: only bind is redirected, never connect.",
        footer = {"", "From session 255 on, Citrix's and Microsoft's documents give different",
            "addresses; both are shown, with why. Test on a real server before relying",
            "on either.",
            "", "Examples:",
            "  vipctl loopback-address --session 3",
            "  vipctl loopback-address --session 250 --count 10 --format json"},
        mixinStandardHelpOptions = true)
final class LoopbackAddressCommand implements Callable<Integer> {

    private static final String WHY = "Citrix documents plain addition (the last octet rolls over to the next, "
            + "127.0.1.0); Microsoft's RDS 2012 document gives 127.0.1.1 for session 255 (a last octet that never "
            + "is 0). Nothing public settles it: check with netstat on a server.";

    @Spec
    CommandSpec spec;

    @Option(names = "--session", paramLabel = "N", required = true, description = "Session id (0.." + LoopbackAddress.MAX_SESSION + ").")
    long session;

    @Option(names = "--count", paramLabel = "K", defaultValue = "1", description = "Show K sessions from N on (default 1, at most 65536).")
    int count;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (for scripts).")
    OutputFormat format;

    @Option(names = "--json", hidden = true, description = "Same as --format json.")
    boolean jsonOption;

    @Override
    public Integer call() throws Exception {
        boolean json = jsonOption || format == OutputFormat.JSON;
        if (session < 0 || session > LoopbackAddress.MAX_SESSION) {
            throw new UsageError("--session must be 0.." + LoopbackAddress.MAX_SESSION + ", got " + session);
        }
        if (count < 1 || count > 65536) {
            throw new UsageError("--count must be 1..65536, got " + count);
        }
        long last = Math.min(LoopbackAddress.MAX_SESSION, session + count - 1);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (long s = session; s <= last; s++) {
                LoopbackAddress a = LoopbackAddress.forSession(s);
                ObjectNode o = list.addObject();
                o.put("session", s);
                o.put("agree", a.readingsAgree());
                if (a.readingsAgree()) {
                    o.put("address", a.citrix());
                }
                ObjectNode r = o.putObject("readings");
                r.put("citrix", a.citrix());
                r.put("microsoft", a.microsoft());
                if (!a.readingsAgree()) {
                    o.put("why", WHY);
                }
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
            return ExitCodes.OK;
        }
        boolean disagreed = false;
        for (long s = session; s <= last; s++) {
            LoopbackAddress a = LoopbackAddress.forSession(s);
            if (a.readingsAgree()) {
                out.println("session " + s + ": " + a.citrix() + (s == 0 ? "  (session 0 runs services; it is not virtualized)" : ""));
            } else {
                disagreed = true;
                out.println("session " + s + ": " + a.citrix() + " (Citrix) or " + a.microsoft() + " (Microsoft)");
            }
        }
        if (disagreed) {
            out.println("why two: " + WHY);
        }
        return ExitCodes.OK;
    }
}
