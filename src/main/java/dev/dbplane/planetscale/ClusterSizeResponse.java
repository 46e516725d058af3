package dev.dbplane.planetscale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code ClusterSizeSku}. Rates are whole numbers because the Go client
 * decodes them as integers; without {@code rates=true} they are null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ClusterSizeResponse(String name, String type, String displayName, String cpu, String providerInstanceType,
		Long storage, long ram, boolean metal, boolean enabled, String provider, String defaultVtgate,
		Integer defaultVtgateRate, Integer replicaRate, Integer rate, int sortOrder, String architecture,
		boolean development, boolean production) {

	static ClusterSizeResponse from(ClusterSize size, boolean enabled, boolean rates) {
		return new ClusterSizeResponse(size.getName(), "ClusterSizeSku", size.getDisplayName(), size.getCpu(),
				size.getProviderInstanceType(), size.getStorage(), size.getRam(), size.isMetal(), enabled,
				size.getProvider(), size.getDefaultVtgate(), rates ? size.getDefaultVtgateRate() : null,
				rates ? size.getReplicaRate() : null, rates ? size.getRate() : null, size.getSortOrder(),
				size.getArchitecture(), size.isDevelopment(), size.isProduction());
	}

}
