package dev.dbplane.harness;

/** The migration tool of a schema; fixed at creation. */
public enum MigrationType {

	Liquibase, Flyway

}
