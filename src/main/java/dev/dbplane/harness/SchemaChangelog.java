package dev.dbplane.harness;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The stored source of a {@code Repository} schema, the {@code changelog_*} columns of
 * {@code harness_schema}. An empty {@code connector} means a Harness Code repository,
 * which is why it is kept apart from a missing one.
 */
@Embeddable
record SchemaChangelog(@Column(name = "changelog_connector") String connector,
		@Column(name = "changelog_location") String location, @Column(name = "changelog_repo") String repo,
		@Column(name = "changelog_archive_path") String archivePath, @Column(name = "changelog_toml") String toml) {

	/** The Harness {@code schemaSourceType} this source implies. */
	String sourceType() {
		if (this.archivePath != null && !this.archivePath.isEmpty()) {
			return "Artifactory";
		}
		return (this.connector == null || this.connector.isEmpty()) ? "HarnessCode" : "Git";
	}

	/** Whether every column is null: a schema without this source. */
	boolean isEmpty() {
		return this.connector == null && this.location == null && this.repo == null && this.archivePath == null
				&& this.toml == null;
	}

}
