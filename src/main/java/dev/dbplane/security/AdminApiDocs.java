package dev.dbplane.security;

import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * dbplane's own administration (accounts and Harness API keys) as a group in Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiDocs {

	@Bean
	GroupedOpenApi adminApi() {
		return GroupedOpenApi.builder()
			.group("dbplane")
			.displayName("dbplane administration")
			.pathsToMatch("/dbplane/**")
			.build();
	}

}
