package dev.dbplane.planetscale;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The cluster sizes of the catalogue. Lists are read from the table; a single size, which
 * every create asks for, is answered from memory, as {@link Regions} explains.
 */
@Component
class ClusterSizes {

	private final ClusterSizeRepository sizes;

	private final Map<String, ClusterSize> byName = new ConcurrentHashMap<>();

	ClusterSizes(ClusterSizeRepository sizes) {
		this.sizes = sizes;
	}

	/**
	 * Writes a configured cluster size, enabled; an upsert, as {@link Regions#upsert}
	 * explains.
	 */
	void upsert(CatalogueProperties.ClusterSizeConfig config) {
		this.sizes.upsert(config);
	}

	/** The sizes of {@code engine}, in catalogue order. */
	List<ClusterSize> findByEngine(Engine engine) {
		return this.sizes.findByEngineOrderBySortOrderAscNameAsc(engine);
	}

	/** Reads every size into memory; returns them in catalogue order. */
	List<ClusterSize> reload() {
		var all = this.sizes.findAllByOrderBySortOrderAscNameAsc();
		all.forEach((size) -> this.byName.put(size.getName(), size));
		return all;
	}

	/** The size named {@code name}, or null. */
	ClusterSize findByName(String name) {
		var size = this.byName.get(name);
		if (size != null) {
			return size;
		}
		var found = this.sizes.findById(name);
		found.ifPresent((stored) -> this.byName.put(name, stored));
		return found.orElse(null);
	}

}
