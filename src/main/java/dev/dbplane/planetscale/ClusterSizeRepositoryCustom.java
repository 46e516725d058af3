package dev.dbplane.planetscale;

/** What {@link ClusterSizeRepositoryImpl} does in SQL. */
interface ClusterSizeRepositoryCustom {

	/** Writes a configured cluster size, enabled, creating or updating its row. */
	void upsert(CatalogueProperties.ClusterSizeConfig config);

}
