package cn.shequ;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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
     * The emergency unlock (cn.shequ.identity.CommandLineUnlock, docs/security.md): starts without
     * web server and job executor, unlocks, and returns the exit code.
     */
    public static int unlock(String[] args) {
        SpringApplication unlock = new SpringApplication(ShequApplication.class);
        unlock.setWebApplicationType(WebApplicationType.NONE);
        String[] withoutJobs = Arrays.copyOf(args, args.length + 1);
        withoutJobs[args.length] = "--camunda.bpm.job-execution.enabled=false";
        return SpringApplication.exit(unlock.run(withoutJobs));
    }
}
