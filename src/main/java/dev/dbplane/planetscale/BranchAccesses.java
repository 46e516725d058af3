package dev.dbplane.planetscale;

import java.util.List;

/**
 * The service-token accesses each branch, password and role operation takes, any one of
 * them, as the vendor's document lists them per operation. For credentials the list
 * splits by branch: the {@code production} accesses count on production branches, their
 * plain counterparts on the others, and the {@code read_only} ones only for read-only
 * credentials.
 */
final class BranchAccesses {

	static final List<String> READ_BRANCH = List.of("read_branch", "delete_branch", "create_branch",
			"connect_production_branch", "connect_branch");

	static final List<String> CREATE_BRANCH = List.of("create_branch");

	/** Reading keyspaces: the document lists this one access for them. */
	static final List<String> READ_KEYSPACES = List.of("read_branch");

	static final List<String> DELETE_BRANCH = List.of("delete_branch");

	/** Branch settings: PATCH, safe migrations, resizes and cluster changes. */
	static final List<String> WRITE_BRANCH = List.of("write_database");

	static final List<String> PROMOTE_BRANCH = List.of("connect_production_branch", "promote_branches");

	static final List<String> DEMOTE_BRANCH = List.of("connect_production_branch", "demote_branches");

	private BranchAccesses() {
	}

	/** Reading passwords and roles, listed or one by one. */
	static List<String> readCredentials(Branch branch) {
		return branch.isProduction()
				? List.of("read_branch", "delete_branch", "create_branch", "connect_production_branch",
						"connect_production_read_only_branch")
				: List.of("read_branch", "delete_branch", "create_branch", "connect_branch");
	}

	/** Creating, renaming and renewing passwords. */
	static List<String> writePassword(Branch branch, boolean readOnly) {
		return split(branch, readOnly, "connect_branch", "connect_production_branch",
				"connect_production_read_only_branch");
	}

	/** Deleting passwords and roles, and resetting and reassigning roles. */
	static List<String> deleteCredential(Branch branch, boolean readOnly) {
		return split(branch, readOnly, "delete_branch_password", "delete_production_branch_password",
				"delete_production_read_only_branch_password");
	}

	/** Creating, changing and renewing roles. */
	static List<String> writeRole(Branch branch, boolean readOnly) {
		return split(branch, readOnly, "create_branch_password", "create_production_branch_password",
				"create_production_read_only_branch_password");
	}

	private static List<String> split(Branch branch, boolean readOnly, String plain, String production,
			String productionReadOnly) {
		if (!branch.isProduction()) {
			return List.of(plain);
		}
		return readOnly ? List.of(production, productionReadOnly) : List.of(production);
	}

}
