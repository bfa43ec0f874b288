package cn.shequ.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequ.public-base-url}: where the public pages are reached from outside, printed on
 * every document as the start of its verification address ({@code /public/verify/{sha256}}).
 */
@ConfigurationProperties("shequ")
public record PublicSite(@DefaultValue("http://localhost:8080") String publicBaseUrl) {}
