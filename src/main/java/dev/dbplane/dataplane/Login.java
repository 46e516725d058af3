package dev.dbplane.dataplane;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A login to create on a branch's database.
 *
 * @param database the branch database, from {@link DataPlaneNames#branchDatabase}
 * @param username from {@link DataPlaneNames#postgresUsername} or
 * {@link DataPlaneNames#mysqlUsername}
 * @param roles PostgreSQL: the role's {@code inherited_roles}; MySQL: the password's
 * role, exactly one of {@code reader}, {@code writer}, {@code admin}, {@code readwriter}
 * @param expiresAt when the login stops working, {@code null} for never
 */
public record Login(String database, String username, List<String> roles, @Nullable Instant expiresAt) {

	/** Every {@code inherited_roles} value the vendor's document lists. */
	public static final Set<String> POSTGRES_INHERITED_ROLES = Set.of("pg_checkpoint", "pg_create_subscription",
			"pg_maintain", "pg_monitor", "pg_read_all_data", "pg_read_all_settings", "pg_read_all_stats",
			"pg_signal_backend", "pg_stat_scan_tables", "pg_use_reserved_connections", "pg_write_all_data", "postgres");

	/** A password's roles. */
	public static final Set<String> MYSQL_ROLES = Set.of("reader", "writer", "admin", "readwriter");

	public Login {
		roles = List.copyOf(roles);
		DataPlaneNames.requireDatabase(database);
		DataPlaneNames.requireUsername(username);
	}

	void validateFor(ServerKind kind) {
		if (kind == ServerKind.MYSQL) {
			if (this.roles.size() != 1 || !MYSQL_ROLES.contains(this.roles.get(0))) {
				throw new IllegalArgumentException("A MySQL login has exactly one role of " + MYSQL_ROLES);
			}
		}
		else if (!POSTGRES_INHERITED_ROLES.containsAll(this.roles)) {
			throw new IllegalArgumentException("Unknown inherited role in " + this.roles);
		}
	}

}
