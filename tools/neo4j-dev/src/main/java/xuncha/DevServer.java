package xuncha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A real Neo4j 5 Community server for development and tests.
 *
 * Neo4j ships no server tarball on Maven Central, so this embeds the same
 * database engine and opens its Bolt connector on loopback with
 * authentication on. Clients talk to it exactly as to a packaged server.
 *
 * Usage: DevServer DATA_DIR PORT PASSWORD
 * Prints "READY bolt://127.0.0.1:PORT" when Bolt accepts connections.
 */
public final class DevServer {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DevServer DATA_DIR PORT PASSWORD");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        Files.createDirectories(dataDir);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();

        // The default user must not keep the well-known initial password.
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stop.countDown();
        }));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stop.await();
    }
}
