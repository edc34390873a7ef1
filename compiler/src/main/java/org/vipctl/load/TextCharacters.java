package org.vipctl.load;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters text in vipctl's YAML files may hold. YAML's escapes ({@code "\uD800"},
 * {@code "\u0007"}) can produce characters no file could hold as they are: an unpaired surrogate is
 * never text (UTF-8 cannot encode it; writers would put a replacement character or fail), so
 * {@link #problem} refuses it everywhere. Text that ends up in XML as it is (catalog text in ADML
 * files) must also be free of what XML 1.0 excludes: control characters other than tab, line feed
 * and carriage return, and U+FFFE and U+FFFF ({@link #xmlProblem}).
 */
public final class TextCharacters {

    private TextCharacters() {
    }

    /** The first character of {@code s} that is not text at all, and where it is; empty when there is none. */
    public static Optional<String> problem(String s) {
        return check(s, false);
    }

    /** As {@link #problem}, and also what XML 1.0 cannot hold: control characters but tab, LF and CR; U+FFFE, U+FFFF. */
    public static Optional<String> xmlProblem(String s) {
        return check(s, true);
    }

    /**
     * Whether {@code s} holds a C0 control character or DEL (U+0000 to U+001F, U+007F), which no
     * one-line form can hold as it is: registry key paths and value names (one line in .reg and ADMX
     * files, with no escape for them) are refused, a .reg string with one is written as hex.
     */
    public static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> check(String s, boolean xml) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            String what = null;
            if (Character.isSurrogate(c)) {
                what = "an unpaired surrogate ";
            } else if (xml && (c == '\uFFFE' || c == '\uFFFF')) {
                what = "the noncharacter ";
            } else if (xml && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                what = "the control character ";
            }
            if (what != null) {
                return Optional.of(what + String.format(Locale.ROOT, "U+%04X", (int) c) + " (character "
                        + (s.codePointCount(0, i) + 1) + ")");
            }
        }
        return Optional.empty();
    }
}
