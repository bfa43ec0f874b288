package cn.shequ.document;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequ.documents.*}.
 *
 * @param fonts TrueType fonts in the order they are tried for each character: {@code classpath:}
 *              resources or file paths. The default pair is unpacked by the Maven build.
 */
@ConfigurationProperties("shequ.documents")
public record DocumentProperties(
        @DefaultValue({"classpath:fonts/Roboto-Regular.ttf", "classpath:fonts/DroidSansFallback.ttf"}) List<String> fonts) {}
