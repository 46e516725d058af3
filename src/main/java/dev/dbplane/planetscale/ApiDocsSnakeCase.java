package dev.dbplane.planetscale;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Snake-case property names for the OpenAPI document. The wire is written by Jackson 3
 * (whose {@code @JsonNaming} each record carries); springdoc's model reader is Jackson 2
 * and reads only Jackson 2's {@code @JsonNaming}, which this carries, so Swagger UI shows
 * the real field names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@interface ApiDocsSnakeCase {

}
