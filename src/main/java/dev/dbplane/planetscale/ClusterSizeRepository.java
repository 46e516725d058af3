package dev.dbplane.planetscale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cluster sizes of the catalogue. Lists are read from the table; a single size, which
 * every create asks for, is answered from memory, as {@link RegionRepository} explains.
 */
@Repository
class ClusterSizeRepository {

	private static final String COLUMNS = """
			select name, engine, display_name, cpu, ram, storage, metal, provider, provider_instance_type,
			    architecture, default_vtgate, default_vtgate_rate, rate, replica_rate, sort_order, development,
			    production, enabled
			from planetscale_cluster_size""";

	private final JdbcClient jdbc;

	private final Map<String, ClusterSize> byName = new ConcurrentHashMap<>();

	ClusterSizeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a configured cluster size, enabled; an upsert, as
	 * {@link RegionRepository#upsert} explains.
	 */
	void upsert(CatalogueProperties.ClusterSizeConfig config) {
		this.jdbc.sql("""
				insert into planetscale_cluster_size (name, engine, display_name, cpu, ram, storage, provider,
				    architecture, default_vtgate, rate, replica_rate, sort_order, development, production, enabled)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)
				on conflict (name) do update set engine = excluded.engine, display_name = excluded.display_name,
				    cpu = excluded.cpu, ram = excluded.ram, storage = excluded.storage,
				    provider = excluded.provider, architecture = excluded.architecture,
				    default_vtgate = excluded.default_vtgate, rate = excluded.rate,
				    replica_rate = excluded.replica_rate, sort_order = excluded.sort_order,
				    development = excluded.development, production = excluded.production, enabled = true
				""")
			.params(config.name(), config.engine(), config.effectiveDisplayName(), config.cpu(), config.ram().toBytes(),
					(config.storage() != null) ? config.storage().toBytes() : null, config.provider(),
					config.architecture(), "mysql".equals(config.engine()) ? "VTG_5" : null, config.rate(),
					config.replicaRate(), config.sortOrder(), config.development(), !config.development())
			.update();
	}

	/** The sizes of {@code engine}, in catalogue order. */
	List<ClusterSize> findByEngine(Engine engine) {
		return this.jdbc.sql(COLUMNS + " where engine = ? order by sort_order, name")
			.param(engine.wire())
			.query(ClusterSizeRepository::clusterSize)
			.list();
	}

	/** Reads every size into memory; returns them in catalogue order. */
	List<ClusterSize> reload() {
		var all = this.jdbc.sql(COLUMNS + " order by sort_order, name")
			.query(ClusterSizeRepository::clusterSize)
			.list();
		all.forEach((size) -> this.byName.put(size.getName(), size));
		return all;
	}

	/** The size named {@code name}, or null. */
	ClusterSize findByName(String name) {
		var size = this.byName.get(name);
		if (size != null) {
			return size;
		}
		var found = this.jdbc.sql(COLUMNS + " where name = ?")
			.param(name)
			.query(ClusterSizeRepository::clusterSize)
			.list();
		if (found.isEmpty()) {
			return null;
		}
		this.byName.put(name, found.get(0));
		return found.get(0);
	}

	private static ClusterSize clusterSize(ResultSet rs, int row) throws SQLException {
		return new ClusterSize(rs.getString(1), Engine.of(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getObject(6, Long.class), rs.getBoolean(7), rs.getString(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getObject(12, Integer.class), rs.getObject(13, Integer.class),
				rs.getObject(14, Integer.class), rs.getInt(15), rs.getBoolean(16), rs.getBoolean(17),
				rs.getBoolean(18));
	}

}
