package dev.dbplane.planetscale;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PUT .../branches/{branch}/terraform-changes}, which only Terraform's
 * provider sends (its document overlay, not PlanetScale's document, describes it): a
 * cluster size and PostgreSQL parameters by namespace.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchClusterChangeRequest(String clusterSize, Map<String, Map<String, String>> parameters) {
}
