package dev.dbplane.planetscale;

import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ PlanetScaleProperties.class, CatalogueProperties.class,
		PublicBaseUrlProperties.class })
class PlanetScaleConfiguration {

	static {
		// The caller comes from the credential (PlanetScaleCallerResolver), not from a
		// parameter a client sends.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PlanetScalePrincipal.class);
	}

	@Bean
	GroupedOpenApi planetScaleApi() {
		return GroupedOpenApi.builder()
			.group("planetscale")
			.displayName("PlanetScale")
			.pathsToMatch("/v1/organizations", "/v1/organizations/**", "/v1/regions", "/v1/regions/**")
			.build();
	}

}
