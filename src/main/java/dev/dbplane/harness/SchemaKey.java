package dev.dbplane.harness;

/**
 * What a path addresses a schema by: its account, org, project and identifier, the
 * columns of {@code harness_schema_identifier_unique}.
 */
record SchemaKey(String accountId, String org, String project, String identifier) {

	SchemaKey(HarnessAccount account, String org, String project, String identifier) {
		this(account.id(), org, project, identifier);
	}

}
