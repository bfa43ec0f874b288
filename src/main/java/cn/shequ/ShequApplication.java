package cn.shequ;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shequ (社区): community public-service projects and government purchase of services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShequApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShequApplication.class, args);
    }
}
