package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A connection of the store reads the server's replies on a blocking socket (a timed step while connecting leaves
 * the JDK's socket non-blocking for good, and then every reply costs a read that finds nothing, a poll and the read
 * again: docs/postgresql.md, "Session 18 (pg)"), and the wait for a server that never answers is still bounded by the
 * connect timeout and told in one sentence.
 */
class BlockingSocketTest {

    /** {@code O_NONBLOCK} in the octal {@code flags} of {@code /proc/self/fdinfo}. */
    private static final int O_NONBLOCK = 04000;
    /** The state {@code TCP_ESTABLISHED} in {@code /proc/net/tcp}. */
    private static final String ESTABLISHED = "01";

    @Test
    void a_writer_connection_reads_its_replies_on_a_blocking_socket() throws Exception {
        try (Connection connection = PostgresConnections.open(TestPostgres.freshLedger(), PostgresOptions.defaults())) {
            int port;
            int serverPort;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT inet_client_port(), inet_server_port()")) {
                row.next();
                port = row.getInt(1);
                serverPort = row.getInt(2);
            }
            // a few replies read, as an append's would be
            for (int i = 0; i < 3; i++) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }
            int flags = fdFlags(socketInode(port, serverPort));
            assertEquals(0, flags & O_NONBLOCK, "the connection's socket is non-blocking (flags " + Integer.toOctalString(flags) + ")");
        }
    }

    @Test
    void a_server_that_never_answers_is_given_up_after_the_connect_timeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CountDownLatch accepted = new CountDownLatch(1);
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    Socket socket = silent.accept();
                    held.add(socket);
                    accepted.countDown();
                    // reads what the client sends and never answers
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        continue;
                    }
                } catch (IOException closed) {
                    // the test closed the server socket
                }
            }, "silent server");
            acceptor.setDaemon(true);
            acceptor.start();
            PostgresLedgerUrl url = new PostgresLedgerUrl("postgres", "127.0.0.1", silent.getLocalPort(), "postgres", "books");
            EventStoreException refused = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(EventStoreException.class,
                    () -> PostgresEventStore.open(url, PostgresOptions.defaults().withConnectTimeout(Duration.ofSeconds(2)), false)));
            assertEquals(0, accepted.getCount(), "the client never reached the silent server");
            assertMentions(refused.getMessage(), "Cannot reach the PostgreSQL server 127.0.0.1:" + silent.getLocalPort());
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * The inode of the established TCP socket from local port {@code port} to remote port {@code serverPort}. The table
     * lists every socket of the machine's network namespace, not only this process's: the local port alone may also be
     * another connection's (to another server, or one closing in TIME_WAIT, when other tests or processes connect
     * meanwhile), so the connection is told by both ends and its state.
     */
    private static long socketInode(int port, int serverPort) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        String hexServerPort = String.format(Locale.ROOT, "%04X", serverPort);
        List<Long> inodes = new ArrayList<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[1].endsWith(":" + hexPort) && fields[2].endsWith(":" + hexServerPort) && fields[3].equals(ESTABLISHED)) {
                    inodes.add(Long.parseLong(fields[9]));
                }
            }
        }
        assertEquals(1, inodes.size(), "established sockets from local port " + port + " to port " + serverPort + ": " + inodes);
        return inodes.get(0);
    }

    /** The open flags of this process's descriptor of the socket {@code inode}. */
    private static int fdFlags(long inode) throws IOException {
        String target = "socket:[" + inode + "]";
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                String link;
                try {
                    link = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException gone) {
                    continue;
                }
                if (link.equals(target)) {
                    for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo").resolve(descriptor.getFileName()))) {
                        if (line.startsWith("flags:")) {
                            return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
                        }
                    }
                }
            }
        }
        return fail("no descriptor of this process holds " + target);
    }
}
