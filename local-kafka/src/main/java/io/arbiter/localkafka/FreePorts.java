package io.arbiter.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks currently free TCP ports on 127.0.0.1 for a broker configured with port 0. */
final class FreePorts {

    private FreePorts() {}

    /**
     * Returns {@code count} distinct free ports. The sockets are held open together so the OS
     * cannot hand out the same port twice; another process may still grab one before the broker
     * binds it, which is the usual (accepted) race of this technique.
     */
    static int[] pick(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do: the port is released either way when this JVM exits.
        }
    }
}
