package io.arbiter.jobs.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates Arbiter's topics where they do not exist yet (demo, tests, first deployment). */
public final class TopicAdmin {

    private TopicAdmin() {}

    /** The topics of {@code topics} that the cluster does not have. */
    public static List<String> missing(Properties clientProperties, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            return topics.stream().distinct().filter(t -> !existing.contains(t)).toList();
        }
    }

    /**
     * Creates each missing topic with {@code partitions} partitions and replication factor 1 (a
     * production cluster's topics are created by its owners, with their replication).
     *
     * @param configs topic configs, e.g. {@code retention.ms=-1} so historical event times are not
     *     deleted by time-based retention on arrival
     */
    public static void ensureTopics(
            Properties clientProperties,
            Collection<String> topics,
            int partitions,
            Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing =
                    topics.stream()
                            .distinct()
                            .filter(topic -> !existing.contains(topic))
                            .map(
                                    topic ->
                                            new NewTopic(topic, partitions, (short) 1)
                                                    .configs(configs))
                            .toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
