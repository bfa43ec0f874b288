package cn.shequ.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses the document fonts once at start-up. A missing or unusable font stops the application
 * here, with a message naming it, rather than producing documents with empty boxes later.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

    @Bean
    DocumentFonts documentFonts(DocumentProperties properties) {
        long start = System.nanoTime();
        DocumentFonts fonts = DocumentFonts.load(properties.fonts());
        log.info("Document fonts {} loaded in {} ms", properties.fonts(), (System.nanoTime() - start) / 1_000_000);
        return fonts;
    }

    @Bean
    DocumentLayout documentLayout(DocumentFonts fonts, PublicSite site) {
        return new DocumentLayout(fonts, site.publicBaseUrl());
    }
}
