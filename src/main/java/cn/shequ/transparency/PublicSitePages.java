package cn.shequ.transparency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /public/} is the residents' entry (the public site's index page); {@code /public} goes there. */
@Configuration
class PublicSitePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/public/").setViewName("forward:/public/index.html");
        registry.addRedirectViewController("/public", "/public/");
    }
}
