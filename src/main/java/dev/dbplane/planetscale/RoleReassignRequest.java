package dev.dbplane.planetscale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST .../roles/{id}/reassign}: the role that takes over, by id or by
 * username with or without the branch's suffix (pscale's example passes the username
 * without it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RoleReassignRequest(String successor) {
}
