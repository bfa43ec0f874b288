package cn.shequ;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shequ (社区): community public-service projects and government purchase of services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShequApplication {

    public static void main(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--shequ.unlock="))) {
            System.exit(unlock(args));
        }
        SpringApplication.run(ShequApplication.class, args);
    }

    /**
     * The emergency unlock (cn.shequ.admin.CommandLineUnlock, docs/security.md): starts without
     * job executor, its web server only on a free port of the loopback address (the engine's REST
     * starter needs one), unlocks, and returns the exit code.
     */
    public static int unlock(String[] args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        addUnlessGiven(all, "server.port", "0");
        addUnlessGiven(all, "server.address", "127.0.0.1");
        addUnlessGiven(all, "camunda.bpm.job-execution.enabled", "false");
        return SpringApplication.exit(SpringApplication.run(ShequApplication.class, all.toArray(String[]::new)));
    }

    private static void addUnlessGiven(List<String> args, String key, String value) {
        if (args.stream().noneMatch(a -> a.startsWith("--" + key + "="))) {
            args.add("--" + key + "=" + value);
        }
    }
}
