package dev.dbplane.dataplane;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The real work on one server. Every operation is idempotent: it checks the catalog or
 * uses {@code IF [NOT] EXISTS}, so a task interrupted half-way is finished by running it
 * again.
 */
interface DataPlaneServer {

	ServerKind kind();

	Endpoint endpoint();

	/** Opens and closes an administrative connection; throws when the server is down. */
	void check() throws SQLException;

	/**
	 * A branch's database, reachable by no one but its logins; for MySQL with the tables
	 * of {@code parent} (no rows) when one is given.
	 */
	void createDatabase(String database, @Nullable String parent) throws SQLException;

	/** The database and the logins made for it. */
	void dropDatabase(String database, Collection<String> logins) throws SQLException;

	void createLogin(Login login, String verifier) throws SQLException;

	void setPassword(String database, String username, String verifier) throws SQLException;

	/** A new expiry, {@code null} for never; a login whose expiry passed is unlocked. */
	void setExpiry(String database, String username, @Nullable Instant expiresAt) throws SQLException;

	/** Refuses the login's new connections from now on. */
	void expire(String database, String username) throws SQLException;

	/**
	 * Drops a login; for PostgreSQL what it owns goes to {@code successor}, or to the
	 * branch's owner role when none is given.
	 */
	void dropLogin(String database, String username, @Nullable String successor) throws SQLException;

	/**
	 * Gives what a login owns in the branch's database to {@code successor}, or to the
	 * branch's owner role when none is given (or it does not exist); the login stays.
	 */
	void reassignOwned(String database, String username, @Nullable String successor) throws SQLException;

	/**
	 * Makes {@code settings} the database's own settings, in place of any it had, for the
	 * sessions that start after; nothing when the database is gone.
	 */
	void setParameters(String database, Map<String, String> settings) throws SQLException;

	/**
	 * The tables of a database, by name, each with the statement that creates it; none
	 * when the database does not exist (yet, or any more).
	 * @param schema PostgreSQL's schema to describe; ignored by MySQL
	 */
	List<TableSchema> schema(String database, String schema) throws SQLException;

}
