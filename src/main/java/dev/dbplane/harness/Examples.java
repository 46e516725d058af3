package dev.dbplane.harness;

/**
 * Request bodies Swagger UI offers; each succeeds when executed as it is (after
 * Authorize), in order: create the schema, then the instance.
 */
final class Examples {

	static final String CREATE_SCHEMA = """
			{"identifier": "my_db_schema", "name": "My Database Schema", "type": "Repository",
			 "migrationType": "Liquibase", "tags": {"env": "dev"},
			 "changelog": {"connector": "my_git_connector", "location": "db/changelog.yaml", "repo": "my-repo"}}""";

	static final String UPDATE_SCHEMA = """
			{"name": "My Renamed Schema", "tags": {"env": "dev", "team": "data"}}""";

	static final String CREATE_INSTANCE = """
			{"identifier": "customer_db_instance", "name": "Customer DB Instance", "connector": "pg",
			 "branch": "main", "context": "dev", "tags": {"env": "dev"},
			 "substituteProperties": {"DB_NAME": "customers"}}""";

	static final String UPDATE_INSTANCE = """
			{"gitTag": "v1.2.0", "context": "prod"}""";

	static final String FILTER = """
			{"filterType": "Equals", "instanceTags": [{"key": "env", "value": "dev"}]}""";

	private Examples() {
	}

}
