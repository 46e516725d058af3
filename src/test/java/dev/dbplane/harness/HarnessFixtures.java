package dev.dbplane.harness;

/** Request bodies shaped like the ones Harness's documentation and Terraform send. */
final class HarnessFixtures {

	private HarnessFixtures() {
	}

	static String schemaPath(String org, String project) {
		return "/v1/orgs/" + org + "/projects/" + project + "/dbschema";
	}

	static String repositorySchema(String identifier) {
		return """
				{"identifier": "%s", "name": "My Database Schema", "type": "Repository",
				 "migrationType": "Liquibase", "tags": {"env": "dev"},
				 "changelog": {"connector": "cockroachDB", "location": "changelog.yaml", "repo": "changelog.yaml"}}
				""".formatted(identifier);
	}

	static String scriptSchema(String identifier) {
		return """
				{"identifier": "%s", "name": "Scripted", "type": "Script",
				 "changeLogScript": {"image": "plugins/image:latest", "command": "curl -o changelog.yaml https://example.com/c.yaml",
				                     "shell": "Bash", "location": "folder/changelog.yaml"}}
				"""
			.formatted(identifier);
	}

	static String instance(String identifier) {
		return """
				{"identifier": "%s", "name": "Customer DB Instance", "connector": "pg", "branch": "main",
				 "context": "dev", "substituteProperties": {"DB_NAME": "my_db_schema"}, "tags": {"env": "dev"}}
				""".formatted(identifier);
	}

}
