package dev.dbplane.planetscale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.dbplane.persistence.TimestampColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String COLUMNS = """
			select id, name, billing_email, plan, default_region_id, created_at, updated_at
			from planetscale_organization""";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Organization> findByName(String name) {
		return this.jdbc.sql(COLUMNS + " where name = ?")
			.param(name)
			.query(OrganizationRepository::organization)
			.optional();
	}

	Optional<Organization> findById(String id) {
		return this.jdbc.sql(COLUMNS + " where id = ?")
			.param(id)
			.query(OrganizationRepository::organization)
			.optional();
	}

	private static Organization organization(ResultSet rs, int row) throws SQLException {
		return new Organization(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				TimestampColumns.instant(rs, 6), TimestampColumns.instant(rs, 7));
	}

}
