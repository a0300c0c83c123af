package io.arbiter.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server.properties of a single-node KRaft broker on 127.0.0.1: one process is both broker and
 * controller, and every internal topic has replication factor 1 so transactions and consumer groups
 * work with one node.
 */
final class BrokerProperties {

    private BrokerProperties() {}

    static Map<String, String> of(
            Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter set needs no --standalone/--initial-controllers at format time and
        // tolerates a different controller port after a restart (ports 0 pick new ones).
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                        + brokerPort
                        + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // One partition per internal topic: creating the default 50 costs seconds on a laptop
        // and buys nothing on a single node.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once sink asks for long transaction timeouts (STACK.md trap 5).
        p.put("transaction.max.timeout.ms", "3600000");

        p.putAll(overrides);
        return p;
    }

    static void write(Path file, Map<String, String> properties) throws IOException {
        StringBuilder text =
                new StringBuilder("# Written by arbiter-local-kafka on every start.\n");
        properties.forEach(
                (key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Backslashes are escapes in .properties files; Windows paths would otherwise lose them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
