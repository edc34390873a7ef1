package org.vipctl.publish;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory JNDI uses for an {@code ldaps://} connection. JNDI names it by class and gets
 * an instance from a static {@code getDefault()}, so the trust settings of one connection are handed
 * over on the connecting thread, for the duration of that connect only ({@link #connecting}); JNDI
 * creates the socket on that thread.
 */
public final class LdapsSocketFactory extends SSLSocketFactory {

    private static final ThreadLocal<SSLSocketFactory> CONNECTING = new ThreadLocal<>();

    private final SSLSocketFactory delegate;

    private LdapsSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Called by JNDI. */
    public static SocketFactory getDefault() {
        SSLSocketFactory f = CONNECTING.get();
        if (f == null) {
            throw new IllegalStateException("LdapsSocketFactory used outside LdapsSocketFactory.connecting");
        }
        return new LdapsSocketFactory(f);
    }

    static <T> T connecting(SSLSocketFactory factory, Supplier<T> connect) {
        CONNECTING.set(factory);
        try {
            return connect.get();
        } finally {
            CONNECTING.remove();
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
