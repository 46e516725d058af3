package dev.dbplane.harness;

/** Harness's identifier rule, shared by orgs, projects, schemas and instances. */
final class Identifiers {

	static final String PATTERN = "^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$";

	static final String MESSAGE = "must match ^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$";

	/**
	 * {@code overview} names a page of Harness's schema list, so no schema may take it.
	 */
	static final String NOT_RESERVED = "^(?!overview$).*$";

	static final String RESERVED_MESSAGE = "'overview' is reserved";

	private Identifiers() {
	}

}
