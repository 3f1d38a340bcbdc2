package xuncha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * A real Neo4j 5 Community server for development and tests.
 *
 * Neo4j ships no server tarball on Maven Central, so this embeds the same
 * database engine and opens its Bolt connector on loopback with
 * authentication on. Clients talk to it exactly as to a packaged server.
 *
 * Hardened like the production settings documented in README.md: LOAD CSV
 * may not read file URLs nor reach any address (every IP range blocked), and
 * no plugin procedure or function is loaded (the allow-list holds only the
 * read-only metadata procedures the analysts' console may call).
 *
 * The data folder may be kept between runs: the password is set on the first
 * start and, on a restart, changed only if a different one is given.
 *
 * Usage: DevServer DATA_DIR PORT PASSWORD
 * Prints "READY bolt://127.0.0.1:PORT" when Bolt accepts connections.
 */
public final class DevServer {
    /** Procedures the console may call; plugin procedures outside this list are not loaded at all. */
    static final String PROCEDURE_ALLOWLIST =
            "db.labels,db.relationshipTypes,db.propertyKeys,db.schema.*,db.awaitIndexes";

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
                // LOAD CSV: no file:/// URLs, and no http(s)/ftp to any address (no SSRF).
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of(PROCEDURE_ALLOWLIST.split(",")))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                .build();

        setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stop.countDown();
        }));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stop.await();
    }

    /**
     * The default user must not keep the well-known initial password. On a kept data folder the
     * password is usually set already: Neo4j refuses to "change" it to the same value, which is fine.
     */
    static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase();
            if (!message.contains("cannot be the same")) {
                throw e;
            }
            System.err.println("neo4j 用户的密码已是所给的密码（保留的数据目录），不再修改。");
        }
    }
}
