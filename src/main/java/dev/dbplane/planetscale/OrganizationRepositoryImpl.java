package dev.dbplane.planetscale;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up upsert of a configured organization, in SQL: one atomic statement, so that
 * replicas starting together cannot create it twice (JPA has no insert-or-update; a read
 * then persist races), and it finds the default region by slug itself.
 */
class OrganizationRepositoryImpl implements OrganizationRepositoryCustom {

	private final JdbcClient jdbc;

	OrganizationRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean ensure(PlanetScaleProperties.OrganizationConfig config, Instant now) {
		var regions = this.jdbc.sql("select count(*) from planetscale_region where slug = ?")
			.param(config.defaultRegion())
			.query(Long.class)
			.single();
		if (regions == 0) {
			return false;
		}
		var timestamp = now.atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into planetscale_organization (id, name, billing_email, plan, default_region_id, created_at,
				    updated_at)
				select ?, ?, ?, ?, r.id, ?, ? from planetscale_region r where r.slug = ?
				on conflict (name) do update set billing_email = excluded.billing_email, plan = excluded.plan,
				    default_region_id = excluded.default_region_id, updated_at = excluded.updated_at
				where (planetscale_organization.billing_email, planetscale_organization.plan,
				    planetscale_organization.default_region_id)
				    is distinct from (excluded.billing_email, excluded.plan, excluded.default_region_id)
				""")
			.params(PublicIds.next(), config.name(), config.effectiveBillingEmail(), config.plan(), timestamp,
					timestamp, config.defaultRegion())
			.update();
		return true;
	}

}
