package dev.dbplane.planetscale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up sync of a configured cluster size, in SQL: one atomic upsert, so that
 * replicas starting together with the same configuration write the same row (JPA has no
 * insert-or-update; a read then persist races into a duplicate key).
 */
class ClusterSizeRepositoryImpl implements ClusterSizeRepositoryCustom {

	private final JdbcClient jdbc;

	ClusterSizeRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void upsert(CatalogueProperties.ClusterSizeConfig config) {
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

}
