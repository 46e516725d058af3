package dev.dbplane.web;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation checks request bodies and path and query parameters only, never
 * entities (no entity carries a constraint), so it reaches every property. With JPA on
 * the class path Hibernate Validator would ask JPA, for every property of every validated
 * object, whether it is loaded: reflective work on each request, a tenth of a Harness
 * create's CPU on Java 17 in a profile, that can only ever answer yes here.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

	@Bean
	ValidationConfigurationCustomizer everyPropertyIsReachable() {
		return (configuration) -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
				Path pathToTraversableObject, ElementType elementType) {
			return true;
		}

		@Override
		public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
				Path pathToTraversableObject, ElementType elementType) {
			return true;
		}

	}

}
