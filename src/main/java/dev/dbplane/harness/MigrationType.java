package dev.dbplane.harness;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.dbplane.web.Enums;

/** The migration tool of a schema; fixed at creation. */
public enum MigrationType {

	Liquibase, Flyway;

	@JsonCreator
	static MigrationType of(String value) {
		return Enums.exact(MigrationType.class, value);
	}

}
