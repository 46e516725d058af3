package dev.dbplane.planetscale;

/** What branches need beyond what JPA expresses: row locks on their database. */
interface BranchRepositoryCustom {

	/**
	 * Locks the database's row until the transaction ends, so deciding whether a branch
	 * is its last one cannot race another delete or a create.
	 * @return false when the database is gone
	 */
	boolean lockDatabase(String databaseId);

}
