import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics of CONTRACT §7 that are missing, in one JVM start (the start script runs it as a single-file
 * program on the Kafka jars). Arguments: bootstrap servers, then name:partitions:compacted(yes|no) per topic.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":");
                if (existing.contains(spec[0])) {
                    continue;
                }
                NewTopic topic = new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1);
                if ("yes".equals(spec[2])) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                missing.add(topic);
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            System.out.println("topics: " + missing.size() + " created, " + (args.length - 1 - missing.size()) + " present");
        }
    }
}
