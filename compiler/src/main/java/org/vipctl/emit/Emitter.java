package org.vipctl.emit;

/**
 * One output format. Writers are pure: they read the compilation and add files to the output
 * set; they never touch the file system. Problems they find (a setting a format cannot carry, an
 * unconfirmed fact) go to the context's diagnostics.
 */
public interface Emitter {

    /** The name used with {@code --emit} (reg, pol, gpo, admx, citrix, intune). */
    String name();

    void emit(EmitContext context, OutputFiles out);
}
