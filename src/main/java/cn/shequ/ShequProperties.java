package cn.shequ;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shequ's own configuration keys (prefix {@code shequ}); each is listed in docs/configuration.md.
 *
 * @param dataDir  folder of the embedded H2 database in the default profile
 * @param demo     demo data (communities, streets, funds, users of API.md)
 * @param clock    the adjustable demo clock
 * @param security start-up guards
 * @param admin    the first administrator outside the demo
 */
@ConfigurationProperties("shequ")
public record ShequProperties(String dataDir, Demo demo, Clock clock, Security security, Admin admin) {

    public record Demo(boolean enabled) {}

    public record Clock(boolean adjustable) {}

    public record Security(boolean refuseDemoPasswords) {}

    public record Admin(String user, String password) {}
}
