package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST .../roles}, as pscale, planetscale-go and Terraform send it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RoleCreateRequest(String name, Integer ttl, List<String> inheritedRoles, Boolean withReplication,
		String requireWhereOnDelete, String requireWhereOnUpdate) {

	/** The roles a role may inherit, as the vendor's document lists them. */
	static final List<String> INHERITABLE = List.of("pg_checkpoint", "pg_create_subscription", "pg_maintain",
			"pg_monitor", "pg_read_all_data", "pg_read_all_settings", "pg_read_all_stats", "pg_signal_backend",
			"pg_stat_scan_tables", "pg_use_reserved_connections", "pg_write_all_data", "postgres");

	/**
	 * Inherited roles that only read: a role with no others is a read-only credential.
	 */
	static final Set<String> READ_ONLY = Set.of("pg_monitor", "pg_read_all_data", "pg_read_all_settings",
			"pg_read_all_stats", "pg_stat_scan_tables");

	static final Set<String> QUERY_SAFETY = Set.of("off", "warn", "on");

	void check(List<String> problems) {
		PasswordCreateRequest.checkName(this.name, problems);
		if (this.ttl != null && (this.ttl < 0 || this.ttl > PasswordCreateRequest.MAX_TTL)) {
			problems.add("ttl must be between 0 and " + PasswordCreateRequest.MAX_TTL + " seconds");
		}
		if (this.inheritedRoles != null
				&& this.inheritedRoles.stream().anyMatch((role) -> role == null || !INHERITABLE.contains(role))) {
			problems.add("inherited_roles must be among " + String.join(", ", INHERITABLE));
		}
		if (Boolean.TRUE.equals(this.withReplication)
				&& (this.inheritedRoles == null || !this.inheritedRoles.contains("postgres"))) {
			problems.add("with_replication requires inherited_roles to include postgres");
		}
		checkQuerySafety(this.requireWhereOnDelete, this.requireWhereOnUpdate, problems);
	}

	static void checkQuerySafety(String onDelete, String onUpdate, List<String> problems) {
		if (onDelete != null && !QUERY_SAFETY.contains(onDelete)) {
			problems.add("require_where_on_delete must be off, warn or on");
		}
		if (onUpdate != null && !QUERY_SAFETY.contains(onUpdate)) {
			problems.add("require_where_on_update must be off, warn or on");
		}
	}

	List<String> effectiveInheritedRoles() {
		return (this.inheritedRoles != null) ? this.inheritedRoles.stream().distinct().toList() : List.of();
	}

	Integer effectiveTtl() {
		return (this.ttl != null && this.ttl > 0) ? this.ttl : null;
	}

}
