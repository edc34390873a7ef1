package org.vipctl.suppress;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code # vipctl:ignore VIP033[,VIP044] reason} or {@code # vipctl:ignore-file VIP043 reason}
 * comment on one line of a policy file. {@code ownLine} says whether the comment is alone on its line
 * (then it covers the next line too).
 */
record IgnoreComment(int line, int column, boolean wholeFile, boolean ownLine, List<String> rules, String reason) {

    private static final Pattern COMMENT = Pattern.compile(
            "#\\s*vipctl:ignore(-file)?\\s+(VIP\\d{3}(?:\\s*,\\s*VIP\\d{3})*)\\b\\s*(.*)$");

    static Optional<IgnoreComment> parse(String text, int line) {
        Matcher m = COMMENT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> rules = List.of(m.group(2).split("\\s*,\\s*"));
        boolean ownLine = text.substring(0, m.start()).isBlank();
        return Optional.of(new IgnoreComment(line, m.start() + 1, m.group(1) != null, ownLine, rules, m.group(3).strip()));
    }

    /** Covers a finding of {@code rule} on {@code findingLine}. */
    boolean covers(String rule, int findingLine) {
        if (!rules.contains(rule)) {
            return false;
        }
        return wholeFile || findingLine == line || (ownLine && findingLine == line + 1);
    }
}
