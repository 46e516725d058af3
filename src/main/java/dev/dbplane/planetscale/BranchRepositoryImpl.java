package dev.dbplane.planetscale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand SQL, because the lock must be PostgreSQL's {@code FOR UPDATE}: a branch insert's
 * foreign key check locks its database's row {@code FOR KEY SHARE}, which only
 * {@code FOR UPDATE} holds up, and Hibernate's {@code PESSIMISTIC_WRITE} is
 * {@code FOR NO KEY UPDATE} on PostgreSQL, which would let a create through.
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
