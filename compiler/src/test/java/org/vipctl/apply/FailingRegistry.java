package org.vipctl.apply;

import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;

/** Wraps a registry and fails the k-th write or delete (1-based) without touching the registry. */
final class FailingRegistry implements Registry {

    private final Registry inner;
    private final int failAt;
    private int calls;

    FailingRegistry(Registry inner, int failAt) {
        this.inner = inner;
        this.failAt = failAt;
    }

    @Override
    public String target() {
        return inner.target();
    }

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        return inner.read(key, name);
    }

    @Override
    public boolean keyExists(RegKey key) {
        return inner.keyExists(key);
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        if (++calls == failAt) {
            throw new RegistryException("access denied (injected)");
        }
        inner.write(key, name, value);
    }

    @Override
    public void delete(RegKey key, String name) {
        if (++calls == failAt) {
            throw new RegistryException("access denied (injected)");
        }
        inner.delete(key, name);
    }
}
