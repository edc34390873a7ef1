package org.vipctl.format.yaml;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes YAML documents for other tools (Ansible, DSC) from plain maps, lists, strings and numbers:
 * block style, two-space indent with indented sequences (a top-level one at column 0), {@code ---}
 * first, no line folding, and
 * SnakeYAML's quoting, which quotes every string a YAML 1.1 reader would take for something else
 * ({@code yes}, {@code 0777}, {@code 1e3}) and escapes control characters. Header comment lines
 * come before the document.
 */
public final class YamlWriter {

    /** A string scalar with a local tag, e.g. Ansible's {@code !unsafe} (never templated). */
    public record Tagged(String tag, String text) {
    }

    private YamlWriter() {
    }

    public static String write(List<String> comments, Object document) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setExplicitStart(true);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        Representer r = new TaggedRepresenter(o);
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        }
        String yaml = new Yaml(r, o).dump(document);
        if (document instanceof List) {
            // sequences are indented under their key, which would indent a top-level one too: linters want column 0
            yaml = yaml.replaceAll("(?m)^  ", "");
        }
        return sb.append(yaml).toString();
    }

    private static final class TaggedRepresenter extends Representer {
        TaggedRepresenter(DumperOptions o) {
            super(o);
            this.representers.put(Tagged.class, data -> {
                Tagged t = (Tagged) data;
                return representScalar(new Tag(t.tag()), t.text(), DumperOptions.ScalarStyle.SINGLE_QUOTED);
            });
        }
    }
}
