package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.dbplane.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regions and cluster sizes: the rows the V2 migration ships, plus the regions and sizes
 * configuration adds, minus the ones configuration disables. Disabling is applied when
 * reading, so taking an entry off the disabled list enables it again.
 */
@Service
class Catalogue {

	private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

	private final Regions regions;

	private final ClusterSizes clusterSizes;

	private final CatalogueProperties properties;

	private final Organizations organizations;

	private final BaseUrl baseUrl;

	private final Set<String> disabledRegions;

	private final Set<String> disabledClusterSizes;

	Catalogue(Regions regions, ClusterSizes clusterSizes, CatalogueProperties properties, Organizations organizations,
			BaseUrl baseUrl) {
		this.regions = regions;
		this.clusterSizes = clusterSizes;
		this.properties = properties;
		this.organizations = organizations;
		this.baseUrl = baseUrl;
		this.disabledRegions = Set.copyOf(properties.disabledRegions());
		this.disabledClusterSizes = properties.disabledClusterSizes()
			.stream()
			.map(Catalogue::clusterSizeName)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The spelling of a cluster size in the catalogue: pscale offers {@code PS-10} where
	 * the catalogue says {@code PS_10}.
	 */
	static String clusterSizeName(String name) {
		return (name != null) ? name.strip().replace('-', '_') : null;
	}

	/** A value the caller sent, cut short enough to quote in a message. */
	private static String shown(String value) {
		var stripped = value.strip();
		return (stripped.length() > 64) ? stripped.substring(0, 64) + "..." : stripped;
	}

	/** {@code GET /v1/regions}: every region, for anyone. */
	@Transactional(readOnly = true)
	ListResponse<PublicRegionResponse> publicRegions(PageQuery query) {
		var all = regions();
		var items = query.slice(all)
			.stream()
			.map((region) -> PublicRegionResponse.from(region, enabled(region)))
			.toList();
		return ListResponse.of(items, all.size(), query, PageLinks.of(this.baseUrl.current(), "/v1/regions"));
	}

	/**
	 * {@code GET /v1/organizations/{organization}/regions}: every region, the
	 * organization's default marked.
	 */
	@Transactional(readOnly = true)
	ListResponse<RegionResponse> organizationRegions(PlanetScalePrincipal caller, String organizationName,
			PageQuery query) {
		var organization = this.organizations.findReadable(caller, organizationName);
		var all = regions();
		var defaultId = organization.getDefaultRegionId();
		var items = query.slice(all)
			.stream()
			.map((region) -> RegionResponse.from(region, enabled(region), region.getId().equals(defaultId)))
			.toList();
		return ListResponse.of(items, all.size(), query,
				PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + organization.getName() + "/regions"));
	}

	/**
	 * {@code GET /v1/organizations/{organization}/cluster-size-skus}: the sizes of one
	 * engine offered in one region (the organization's default unless named).
	 * @param engine {@code mysql} (default) or {@code postgresql}
	 * @param postgresql the Go client's way of asking for PostgreSQL sizes
	 * @param rates whether to fill in the prices
	 * @param regionSlug the region, or null for the organization's default
	 */
	@Transactional(readOnly = true)
	List<ClusterSizeResponse> clusterSizes(PlanetScalePrincipal caller, String organizationName, String engine,
			Boolean postgresql, Boolean rates, String regionSlug) {
		var organization = this.organizations.findReadable(caller, organizationName);
		var problems = new ArrayList<String>();
		var chosen = (engine == null || engine.isBlank()) ? null : Engine.of(engine.strip());
		if (engine != null && !engine.isBlank() && chosen == null) {
			problems.add("engine must be mysql or postgresql");
		}
		else if (chosen == Engine.MYSQL && Boolean.TRUE.equals(postgresql)) {
			problems.add("engine=mysql contradicts postgresql=true");
		}
		var region = (regionSlug == null || regionSlug.isBlank()) ? regionWithId(organization.getDefaultRegionId())
				: region(regionSlug.strip());
		if (region == null) {
			problems.add("region " + shown(regionSlug) + " does not exist");
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		if (chosen == null) {
			chosen = Boolean.TRUE.equals(postgresql) ? Engine.POSTGRESQL : Engine.MYSQL;
		}
		var withRates = Boolean.TRUE.equals(rates);
		return clusterSizes(chosen, region).stream()
			.map((size) -> ClusterSizeResponse.from(size, enabled(size), withRates))
			.toList();
	}

	/** Every region, in catalogue order. */
	List<Region> regions() {
		return this.regions.findAll();
	}

	/** Whether new databases may go to {@code region}. */
	boolean enabled(Region region) {
		return region.isEnabled() && !this.disabledRegions.contains(region.getSlug());
	}

	/** Whether new databases may have {@code size}. */
	boolean enabled(ClusterSize size) {
		return size.isEnabled() && !this.disabledClusterSizes.contains(size.getName());
	}

	/**
	 * The cluster sizes of {@code engine} offered in {@code region}, in catalogue order.
	 */
	List<ClusterSize> clusterSizes(Engine engine, Region region) {
		if (!region.supports(engine)) {
			return List.of();
		}
		return this.clusterSizes.findByEngine(engine).stream().filter((size) -> size.offeredIn(region)).toList();
	}

	/** The cluster size {@code name}, or null. */
	ClusterSize clusterSize(String name) {
		return this.clusterSizes.findByName(name);
	}

	/** The region {@code slug}, or null. */
	Region region(String slug) {
		return this.regions.findBySlug(slug);
	}

	/** The region with {@code id}, or null. */
	Region regionWithId(String id) {
		return this.regions.findById(id);
	}

	/**
	 * The region a new database of {@code engine} goes to: the one it names, or the
	 * organization's default. Records why it cannot be used in {@code problems}.
	 */
	Region regionForNewDatabase(String slug, Region defaultRegion, Engine engine, List<String> problems) {
		var region = (slug == null || slug.isBlank()) ? defaultRegion : region(slug.strip());
		if (region == null) {
			problems.add("region " + shown(slug) + " does not exist");
			return null;
		}
		if (!enabled(region)) {
			problems.add("region " + region.getSlug() + " is not enabled");
		}
		else if (engine != null && !region.supports(engine)) {
			problems.add("region " + region.getSlug() + " does not support " + engine + " databases");
		}
		return region;
	}

	/**
	 * The ids of the regions, among those in memory, that a new database of
	 * {@code engine} and {@code size} may get as its organization's default: those
	 * {@link #regionForNewDatabase} and {@link #clusterSizeForNewDatabase} accept.
	 */
	List<String> defaultRegionsFor(Engine engine, ClusterSize size) {
		var ids = new ArrayList<String>();
		var problems = new ArrayList<String>();
		for (var region : this.regions.known()) {
			regionForNewDatabase(null, region, engine, problems);
			if (size != null) {
				clusterSizeForNewDatabase(size.getName(), engine, region, problems);
			}
			if (problems.isEmpty()) {
				ids.add(region.getId());
			}
			problems.clear();
		}
		return ids;
	}

	/**
	 * The cluster size a new database of {@code engine} in {@code region} asks for.
	 * Records why it cannot have it in {@code problems}.
	 */
	ClusterSize clusterSizeForNewDatabase(String name, Engine engine, Region region, List<String> problems) {
		var size = this.clusterSizes.findByName(clusterSizeName(name));
		if (size == null) {
			problems.add("cluster_size " + shown(name) + " does not exist");
			return null;
		}
		if (engine != null && size.getEngine() != engine) {
			problems.add("cluster_size " + size.getName() + " is not available for " + engine + " databases");
		}
		else if (!enabled(size)) {
			problems.add("cluster_size " + size.getName() + " is not enabled");
		}
		else if (region != null && !size.offeredIn(region)) {
			problems.add("cluster_size " + size.getName() + " is not available in region " + region.getSlug());
		}
		return size;
	}

	/** The PostgreSQL major versions a database may ask for, oldest first. */
	List<String> postgresqlMajorVersions() {
		return this.properties.postgresqlMajorVersions()
			.stream()
			.distinct()
			.sorted(Comparator.comparingInt(Integer::parseInt))
			.toList();
	}

	/**
	 * The major version a new PostgreSQL database gets: the one it asks for, or the
	 * newest. Records why it cannot have it in {@code problems}.
	 */
	String majorVersionForNewDatabase(String requested, List<String> problems) {
		var supported = postgresqlMajorVersions();
		if (requested == null) {
			return supported.get(supported.size() - 1);
		}
		if (!supported.contains(requested)) {
			problems.add("major_version must be one of " + String.join(", ", supported));
		}
		return requested;
	}

	/**
	 * Writes the configured regions and cluster sizes into the catalogue tables, then
	 * reads the whole catalogue into memory. Every statement is an upsert, so replicas
	 * starting together with the same configuration write the same rows.
	 */
	@Transactional
	void sync() {
		this.properties.regions().forEach(this.regions::upsert);
		this.properties.clusterSizes().forEach(this.clusterSizes::upsert);
		var regions = this.regions.reload().stream().map(Region::getSlug).collect(Collectors.toSet());
		var sizes = this.clusterSizes.reload().stream().map(ClusterSize::getName).collect(Collectors.toSet());
		warnAboutUnknown(regions, sizes);
	}

	private void warnAboutUnknown(Set<String> regions, Set<String> sizes) {
		for (var slug : this.disabledRegions) {
			if (!regions.contains(slug)) {
				log.warn("dbplane.planetscale.catalogue.disabled-regions names {}, which is not a region", slug);
			}
		}
		for (var name : this.disabledClusterSizes) {
			if (!sizes.contains(name)) {
				log.warn("dbplane.planetscale.catalogue.disabled-cluster-sizes names {}, which is not a cluster size",
						name);
			}
		}
	}

}
