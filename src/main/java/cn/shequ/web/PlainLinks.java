package cn.shequ.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are: Spring Boot's {@link ResourceUrlEncodingFilter} is
 * switched off (ADR 0043). With webjars-locator-lite on the class path, the filter asks the
 * resource chain, for every {@code @{...}} link a Thymeleaf page writes, whether it names a
 * static resource; for a link to a page that is a miss, looked up again in five locations and
 * every jar of the class path on each request (spring-framework#34014). The workbench's home page
 * writes some 300 links, and the lookups were half its time with 100,000 open tasks. The filter
 * only added a webjar's version to its links; the version-less webjar URLs the pages use are
 * resolved by the webjars resolver when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class PlainLinks {

    /** A registration of the filter that is not enabled: Boot's own registration backs off when one exists. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterSwitchedOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
