package dev.dbplane.harness;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.dbplane.web.Enums;

/**
 * Where a schema's changes come from: a repository (Git, Harness Code, Artifactory) or a
 * script.
 */
public enum SchemaType {

	Repository, Script;

	@JsonCreator
	static SchemaType of(String value) {
		return Enums.exact(SchemaType.class, value);
	}

	/**
	 * Whether an instance of a schema of this type must name a branch, a commit or a tag.
	 * {@link DbInstanceRepository#insert} states the same rule in SQL.
	 */
	boolean needsRevision() {
		return this == Repository;
	}

}
