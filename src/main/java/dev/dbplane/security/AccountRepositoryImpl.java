package dev.dbplane.security;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insert of an account, in SQL: JPA has no insert-if-absent, and a read followed by a
 * persist would let two requests that issue the first keys of one account (or two
 * replicas declaring the same key at start-up) race into a duplicate key.
 */
class AccountRepositoryImpl implements AccountRepositoryCustom {

	private final JdbcClient jdbc;

	AccountRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void ensure(String id) {
		this.jdbc.sql("insert into account (id) values (?) on conflict do nothing").param(id).update();
	}

}
