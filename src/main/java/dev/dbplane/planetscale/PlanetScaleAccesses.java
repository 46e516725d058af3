package dev.dbplane.planetscale;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The PlanetScale service-token accesses dbplane knows, with their descriptions.
 * Organization-level accesses apply to the organization; database-level ones to one
 * database or, granted without a database, to all current and future databases of the
 * organization.
 */
public final class PlanetScaleAccesses {

	public static final String CREATE_DATABASES = "create_databases";

	public static final String READ_ORGANIZATION = "read_organization";

	public static final String READ_SERVICE_TOKENS = "read_service_tokens";

	public static final String WRITE_SERVICE_TOKENS = "write_service_tokens";

	public static final String DELETE_SERVICE_TOKENS = "delete_service_tokens";

	public static final String READ_DATABASE = "read_database";

	public static final String WRITE_DATABASE = "write_database";

	public static final String DELETE_DATABASE = "delete_database";

	/**
	 * Stored for the token that created a database: every database-level access on it.
	 */
	public static final String EVERY = "*";

	public static final Map<String, String> ORGANIZATION_LEVEL = ordered(CREATE_DATABASES, "Create databases",
			READ_ORGANIZATION, "Read the organization, its regions and cluster sizes", READ_SERVICE_TOKENS,
			"Read service tokens", WRITE_SERVICE_TOKENS, "Create service tokens and change their accesses",
			DELETE_SERVICE_TOKENS, "Delete service tokens");

	public static final Map<String, String> DATABASE_LEVEL = ordered(READ_DATABASE, "Read the database", WRITE_DATABASE,
			"Change the database's settings", DELETE_DATABASE, "Delete the database", "read_branch", "Read branches",
			"create_branch", "Create branches", "delete_branch", "Delete branches", "promote_branches",
			"Promote branches", "demote_branches", "Demote branches", "delete_production_branch",
			"Delete production branches", "connect_branch", "Connect to branches", "connect_production_branch",
			"Connect to production branches", "connect_production_read_only_branch",
			"Connect read-only to production branches", "create_branch_password", "Create branch passwords and roles",
			"create_production_branch_password", "Create production branch passwords and roles",
			"create_production_read_only_branch_password", "Create read-only production branch passwords and roles",
			"delete_branch_password", "Delete branch passwords", "delete_production_branch_password",
			"Delete production branch passwords", "delete_production_read_only_branch_password",
			"Delete read-only production branch passwords", "read_deploy_request", "Read deploy requests",
			"create_deploy_request", "Create deploy requests", "approve_deploy_request", "Approve deploy requests",
			"read_comment", "Read comments", "create_comment", "Create comments", "restore_backup", "Restore backups",
			"restore_production_branch_backup", "Restore production branch backups", "read_backups", "Read backups",
			"write_backups", "Create backups", "delete_backups", "Delete backups", "delete_production_branch_backups",
			"Delete production branch backups", "write_branch_vschema", "Change branch VSchemas",
			"write_production_branch_vschema", "Change production branch VSchemas");

	private PlanetScaleAccesses() {
	}

	public static boolean isDatabaseLevel(String access) {
		return DATABASE_LEVEL.containsKey(access);
	}

	public static boolean isKnown(String access) {
		return ORGANIZATION_LEVEL.containsKey(access) || DATABASE_LEVEL.containsKey(access);
	}

	public static String describe(String access) {
		return ORGANIZATION_LEVEL.getOrDefault(access, DATABASE_LEVEL.getOrDefault(access, access));
	}

	/**
	 * Every access, organization-level and database-level, as a bootstrap credential
	 * holds.
	 */
	public static Set<String> all() {
		var all = new java.util.LinkedHashSet<String>(ORGANIZATION_LEVEL.keySet());
		all.addAll(DATABASE_LEVEL.keySet());
		return all;
	}

	private static Map<String, String> ordered(String... pairs) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
