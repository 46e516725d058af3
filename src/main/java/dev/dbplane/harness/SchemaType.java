package dev.dbplane.harness;

/**
 * Where a schema's changes come from: a repository (Git, Harness Code, Artifactory) or a
 * script.
 */
public enum SchemaType {

	Repository, Script

}
