package dev.dbplane.harness;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The stored script that produces the changelog of a {@code Script} schema, the
 * {@code script_*} columns of {@code harness_schema}.
 */
@Embeddable
record SchemaScript(@Column(name = "script_image") String image, @Column(name = "script_command") String command,
		@Column(name = "script_shell") String shell, @Column(name = "script_location") String location,
		@Column(name = "script_toml") String toml) {

	/** Whether every column is null: a schema without this source. */
	boolean isEmpty() {
		return this.image == null && this.command == null && this.shell == null && this.location == null
				&& this.toml == null;
	}

}
