package dev.dbplane.harness;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The stored script that produces the changelog of a {@code Script} schema. */
@Embeddable
record SchemaScript(@Column(name = "script_image") String image, @Column(name = "script_command") String command,
		@Column(name = "script_shell") String shell, @Column(name = "script_location") String location,
		@Column(name = "script_toml") String toml) {
}
