package org.vipctl.detect;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an image name can stand in a program list: a bare {@code .exe} file name without the
 * characters Windows file names cannot have (the rules of docs/policy-format.md).
 */
final class ProgramName {

    private static final Pattern ILLEGAL = Pattern.compile("[<>:\"|?*/\\\\\\x00-\\x1f\\x7f]");

    private ProgramName() {
    }

    static boolean listable(String image) {
        return !image.isBlank() && image.equals(image.strip()) && !ILLEGAL.matcher(image).find()
                && image.toLowerCase(Locale.ROOT).endsWith(".exe") && image.length() <= 255;
    }
}
