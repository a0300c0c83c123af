package io.arbiter.localkafka;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the broker child JVM: optionally formats the storage, then runs {@code
 * kafka.Kafka}. Usage: {@code BrokerMain [--watch-parent] [--format] server.properties}.
 */
public final class BrokerMain {

    static final String WATCH_PARENT = "--watch-parent";
    static final String FORMAT = "--format";

    private BrokerMain() {}

    public static void main(String[] args) {
        List<String> options = new ArrayList<>(List.of(args));
        boolean watchParent = options.remove(WATCH_PARENT);
        boolean format = options.remove(FORMAT);
        if (options.size() != 1) {
            System.err.println(
                    "usage: BrokerMain [" + WATCH_PARENT + "] [" + FORMAT + "] server.properties");
            System.exit(2);
        }
        String serverProperties = options.get(0);
        if (watchParent) {
            ParentWatch.start(System.in);
        }
        if (format) {
            int code = formatStorage(serverProperties);
            if (code != 0) {
                System.exit(code);
            }
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }

    /**
     * Formats in this JVM rather than a separate one to save a JVM start: {@code
     * StorageTool.execute} returns an exit code where {@code StorageTool.main} would exit. {@code
     * --ignore-formatted} keeps existing data if two starts race on one directory.
     */
    private static int formatStorage(String serverProperties) {
        String clusterId = Uuid.randomUuid().toString();
        try {
            return StorageTool.execute(
                    new String[] {
                        "format",
                        "--cluster-id",
                        clusterId,
                        "--config",
                        serverProperties,
                        "--ignore-formatted"
                    },
                    System.out);
        } catch (RuntimeException e) {
            System.err.println("storage format failed: " + e.getMessage());
            return 1;
        }
    }
}
