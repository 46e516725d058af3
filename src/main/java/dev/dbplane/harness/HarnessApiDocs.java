package dev.dbplane.harness;

import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Harness family as its own group in Swagger UI. Only the {@code /v1} spelling is
 * documented: {@code /gateway/v1} and {@code /dbops/v1} serve the same handlers.
 */
@Configuration(proxyBeanMethods = false)
class HarnessApiDocs {

	@Bean
	GroupedOpenApi harnessApi() {
		return GroupedOpenApi.builder()
			.group("harness")
			.displayName("Harness Database DevOps")
			.pathsToMatch("/v1/orgs/**")
			.build();
	}

}
