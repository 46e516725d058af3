package dev.dbplane.planetscale;

import java.time.Clock;

import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlanetScaleProperties.class, CatalogueProperties.class,
		PublicBaseUrlProperties.class })
class PlanetScaleConfiguration {

	/** The time databases are created and become ready by; replaceable in tests. */
	@Bean
	Clock planetScaleClock() {
		return Clock.systemUTC();
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
