package dev.dbplane.planetscale;

/** What {@link RegionRepositoryImpl} does in SQL. */
interface RegionRepositoryCustom {

	/** Writes a configured region, enabled, creating or updating its row. */
	void upsert(CatalogueProperties.RegionConfig config);

}
