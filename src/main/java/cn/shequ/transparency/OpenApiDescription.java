package cn.shequ.transparency;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON API described by OpenAPI (springdoc) at {@code /v3/api-docs}, with its UI at
 * {@code /swagger-ui/index.html}, for the people who build on it. Only Shequ's own {@code /api/**}
 * and {@code /public/**} are described (application.yaml {@code springdoc.paths-to-match}); the
 * description opens no door: every path keeps its own security, HTTP Basic as API.md says.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Shequ 社区公共服务 JSON API",
        description = "契约见 API.md 与 docs/api-additions.md：字段名不改，只增不减；金额为两位小数的字符串；错误体 "
                + "{\"error\", \"message\", \"fields\"}。/public/** 无需登录，/api/** 需 HTTP Basic 或登录会话。",
        version = "1"), security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiDescription {}
