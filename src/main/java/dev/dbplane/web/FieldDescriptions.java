package dev.dbplane.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every field of the OpenAPI document a description: a field without a
 * {@code @Schema} description of its own takes the one written for its wire name in
 * {@code openapi/field-descriptions.properties}.
 */
@Configuration(proxyBeanMethods = false)
class FieldDescriptions {

	@Bean
	GlobalOpenApiCustomizer describeEveryField() {
		var descriptions = load();
		return (openApi) -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
				if (schema.getProperties() == null) {
					continue;
				}
				schema.getProperties().forEach((name, property) -> {
					if (property.getDescription() == null && property.get$ref() == null) {
						property.setDescription(descriptions.getProperty(name));
					}
				});
			}
		};
	}

	private static Properties load() {
		var properties = new Properties();
		try (var reader = new InputStreamReader(
				new ClassPathResource("openapi/field-descriptions.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
