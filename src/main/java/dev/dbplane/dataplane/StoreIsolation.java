package dev.dbplane.dataplane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps branch logins out of dbplane's own database: PostgreSQL lets {@code PUBLIC}
 * connect to every new database, so when the data plane shares a server with the store
 * (the embedded default, or one server for both), a branch's credentials could open a
 * session there. Revoked at start when dbplane's role owns the store's database.
 */
class StoreIsolation implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(StoreIsolation.class);

	private final JdbcTemplate store;

	private final boolean enabled;

	StoreIsolation(JdbcTemplate store, boolean enabled) {
		this.store = store;
		this.enabled = enabled;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.enabled) {
			return;
		}
		try {
			var database = this.store.queryForObject("select current_database()", String.class);
			this.store.execute("revoke connect, temporary on database " + Sql.pg(database) + " from public");
		}
		catch (DataAccessException ex) {
			log.warn("Could not revoke CONNECT on dbplane's own database from PUBLIC (do it as its owner): {}",
					ex.getMostSpecificCause().getMessage());
		}
	}

}
