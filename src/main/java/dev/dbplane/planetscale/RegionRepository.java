package dev.dbplane.planetscale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regions of the catalogue. Lists are read from the table. A single region, which
 * every create and every database response needs, is answered from memory: the table is
 * written only by the migration and by start-up syncs, and {@link #reload} reads it after
 * this replica's sync. A region missing from memory (one that another replica's start-up
 * added since) is read from the table and kept; a region that another replica's start-up
 * or an operator changes in place is seen as changed after a restart.
 */
@Repository
class RegionRepository {

	private static final String COLUMNS = """
			select id, slug, provider, display_name, location, public_ip_addresses, mysql_supported,
			    postgresql_supported, enabled, sort_order
			from planetscale_region""";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<List<String>> ADDRESSES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Map<String, Region> byId = new ConcurrentHashMap<>();

	private final Map<String, Region> bySlug = new ConcurrentHashMap<>();

	RegionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a configured region, enabled; an upsert, so replicas starting together with
	 * the same configuration write the same row.
	 */
	void upsert(CatalogueProperties.RegionConfig config) {
		this.jdbc.sql("""
				insert into planetscale_region (id, slug, provider, display_name, location, public_ip_addresses,
				    mysql_supported, postgresql_supported, enabled, sort_order)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, true, ?)
				on conflict (slug) do update set provider = excluded.provider,
				    display_name = excluded.display_name, location = excluded.location,
				    public_ip_addresses = excluded.public_ip_addresses,
				    mysql_supported = excluded.mysql_supported,
				    postgresql_supported = excluded.postgresql_supported, enabled = true,
				    sort_order = excluded.sort_order
				""")
			.params(PublicIds.next(), config.slug(), config.provider(), config.effectiveDisplayName(),
					config.location(), json.writeValueAsString(config.publicIpAddresses()), config.mysql(),
					config.postgresql(), config.sortOrder())
			.update();
	}

	/** Every region, in catalogue order. */
	List<Region> findAll() {
		return this.jdbc.sql(COLUMNS + " order by sort_order, slug").query(RegionRepository::region).list();
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
		return remembered(this.jdbc.sql(COLUMNS + " where id = ?").param(id).query(RegionRepository::region).list());
	}

	/** The region {@code slug}, or null. */
	Region findBySlug(String slug) {
		var region = this.bySlug.get(slug);
		if (region != null) {
			return region;
		}
		return remembered(
				this.jdbc.sql(COLUMNS + " where slug = ?").param(slug).query(RegionRepository::region).list());
	}

	private Region remembered(List<Region> found) {
		if (found.isEmpty()) {
			return null;
		}
		remember(found.get(0));
		return found.get(0);
	}

	private void remember(Region region) {
		this.byId.put(region.getId(), region);
		this.bySlug.put(region.getSlug(), region);
	}

	private static Region region(ResultSet rs, int row) throws SQLException {
		return new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				json.readValue(rs.getString(6), ADDRESSES), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9),
				rs.getInt(10));
	}

}
