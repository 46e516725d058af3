package dev.dbplane.planetscale;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The regions of the catalogue. Lists are read from the table. A single region, which
 * every create and every database response needs, is answered from memory: the table is
 * written only by the migration and by start-up syncs, and {@link #reload} reads it after
 * this replica's sync. A region missing from memory (one that another replica's start-up
 * added since) is read from the table and kept; a region that another replica's start-up
 * or an operator changes in place is seen as changed after a restart.
 */
@Component
class Regions {

	private final RegionRepository regions;

	private final Map<String, Region> byId = new ConcurrentHashMap<>();

	private final Map<String, Region> bySlug = new ConcurrentHashMap<>();

	Regions(RegionRepository regions) {
		this.regions = regions;
	}

	/**
	 * Writes a configured region, enabled; an upsert, so replicas starting together with
	 * the same configuration write the same row.
	 */
	void upsert(CatalogueProperties.RegionConfig config) {
		this.regions.upsert(config);
	}

	/** Every region, in catalogue order. */
	List<Region> findAll() {
		return this.regions.findAllByOrderBySortOrderAscSlugAsc();
	}

	/** Reads every region into memory; returns them in catalogue order. */
	List<Region> reload() {
		var all = findAll();
		all.forEach(this::remember);
		return all;
	}

	/**
	 * The regions held in memory: every region as of the last reload, and any read since.
	 */
	Collection<Region> known() {
		return this.byId.values();
	}

	/** The region with {@code id}, or null. */
	Region findById(String id) {
		var region = this.byId.get(id);
		if (region != null) {
			return region;
		}
		return remembered(this.regions.findById(id));
	}

	/** The region {@code slug}, or null. */
	Region findBySlug(String slug) {
		var region = this.bySlug.get(slug);
		if (region != null) {
			return region;
		}
		return remembered(this.regions.findBySlug(slug));
	}

	private Region remembered(Optional<Region> found) {
		found.ifPresent(this::remember);
		return found.orElse(null);
	}

	private void remember(Region region) {
		this.byId.put(region.getId(), region);
		this.bySlug.put(region.getSlug(), region);
	}

}
