package dev.dbplane.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON input: a wrong JSON type is a 400, not a silent conversion
 * ({@code "name": 1} is not the string "1", {@code "usePercona": "yes"} is not a boolean
 * and {@code "type": 0} is not the first constant, {@code "replicas": 2.5} is not the
 * integer 2), and text PostgreSQL cannot store is refused before any database work.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Map,
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.POJO,
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer())
				.addKeyDeserializer(String.class, new StorableKeyDeserializer()));
	}

	/**
	 * Refuses NUL characters, which PostgreSQL cannot store in text or jsonb, and
	 * unpaired surrogates, which would be stored as {@code ?} and so differ from what was
	 * acknowledged.
	 */
	private static final class StorableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value != null && !UnstorableTextException.isStorable(value)) {
				throw new UnstorableTextException(parser);
			}
			return value;
		}

	}

	private static final class StorableKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			if (!UnstorableTextException.isStorable(key)) {
				throw new UnstorableTextException(context.getParser());
			}
			return key;
		}

	}

}
