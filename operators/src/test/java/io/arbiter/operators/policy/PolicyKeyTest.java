package io.arbiter.operators.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed list of policy keys and the shipped policy file name the same keys. */
class PolicyKeyTest {

    @Test
    void theShippedPolicyFileWritesOutEveryLivePolicyKeyAndNoOther() throws IOException {
        JsonNode root =
                new ObjectMapper(new YAMLFactory())
                        .readTree(Path.of("../conf/policy.yaml").toFile());
        Set<String> inFile = new TreeSet<>();
        collectLeaves("", root, inFile);
        Set<String> keys =
                Arrays.stream(PolicyKey.values())
                        .filter(key -> !key.retired())
                        .map(PolicyKey::path)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inFile).isEqualTo(keys);
    }

    @Test
    void noTwoKeysShareAPath() {
        assertThat(Arrays.stream(PolicyKey.values()).map(PolicyKey::path).distinct())
                .hasSize(PolicyKey.values().length);
    }

    /** Leaves by dotted path; the sector map is one value (the reader takes it whole). */
    private static void collectLeaves(String prefix, JsonNode node, Set<String> into) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = prefix + name;
            JsonNode child = node.get(name);
            if (child.isObject() && !path.equals(PolicyKey.PLANNER_SECTORS.path())) {
                collectLeaves(path + ".", child, into);
            } else {
                into.add(path);
            }
        }
    }
}
