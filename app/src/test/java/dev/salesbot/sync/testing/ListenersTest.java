package dev.salesbot.sync.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper the listener checks of the ITs rely on finds a socket this JVM listens on, with its address. */
class ListenersTest {

    @Test
    void findsThisProcessesLoopbackListenerWithItsPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Listeners.of(ProcessHandle.current())).contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        }
    }
}
