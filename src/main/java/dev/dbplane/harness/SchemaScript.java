package dev.dbplane.harness;

/**
 * The stored script that produces the changelog of a {@code Script} schema, the
 * {@code script_*} columns of {@code harness_schema}.
 */
record SchemaScript(String image, String command, String shell, String location, String toml) {

	/** Whether every column is null: a schema without this source. */
	boolean isEmpty() {
		return this.image == null && this.command == null && this.shell == null && this.location == null
				&& this.toml == null;
	}

}
