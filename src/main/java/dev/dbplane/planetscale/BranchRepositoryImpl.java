package dev.dbplane.planetscale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand SQL, because JPQL has no {@code SELECT ... FOR UPDATE} on a table that is not
 * mapped as an entity: databases are still read and written by
 * {@link DatabaseRepository}.
 */
class BranchRepositoryImpl implements BranchRepositoryCustom {

	private final JdbcClient jdbc;

	BranchRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean lockDatabase(String databaseId) {
		return this.jdbc.sql("select id from planetscale_database where id = ? for update")
			.param(databaseId)
			.query(String.class)
			.optional()
			.isPresent();
	}

}
