package dev.dbplane.planetscale;

import dev.dbplane.persistence.StringListJson;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up sync of a configured region, in SQL: one atomic upsert, so that replicas
 * starting together with the same configuration write the same row (JPA has no
 * insert-or-update; a read then persist races into a duplicate key).
 */
class RegionRepositoryImpl implements RegionRepositoryCustom {

	private final JdbcClient jdbc;

	RegionRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void upsert(CatalogueProperties.RegionConfig config) {
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
					config.location(), StringListJson.json(config.publicIpAddresses()), config.mysql(),
					config.postgresql(), config.sortOrder())
			.update();
	}

}
