package dev.dbplane.planetscale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The optional body of {@code DELETE .../roles/{id}}: pscale and planetscale-go send the
 * {@code successor} there, the document has it as a query parameter.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RoleDeleteRequest(String successor) {
}
