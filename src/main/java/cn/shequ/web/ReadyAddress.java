package cn.shequ.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in the log, once Shequ is ready, which address to open (issue 16 "Start-up"): the last line
 * a person starting it with the README's run command waits for, with the time it took.
 */
@Component
class ReadyAddress {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyAddress.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        LOG.info("社区（Shequ）已就绪，请在浏览器中打开 {} （启动用时 {} 秒）/ ready: open {}", address(web), seconds(event), address(web));
    }

    static String address(WebServerApplicationContext web) {
        Environment env = web.getEnvironment();
        String host = env.getProperty("server.address", "localhost");
        if (host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = "localhost";
        }
        String path = env.getProperty("server.servlet.context-path", "");
        return "http://" + host + ":" + web.getWebServer().getPort() + path + "/";
    }

    /** From the start of SpringApplication.run to ready (the JVM's own start and Maven's build before it not included). */
    private static String seconds(ApplicationReadyEvent event) {
        return event.getTimeTaken() == null ? "?" : String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0);
    }
}
