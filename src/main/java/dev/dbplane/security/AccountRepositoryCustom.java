package dev.dbplane.security;

/** What {@link AccountRepositoryImpl} does in SQL. */
interface AccountRepositoryCustom {

	/** Creates the account {@code id} unless it exists. */
	void ensure(String id);

}
