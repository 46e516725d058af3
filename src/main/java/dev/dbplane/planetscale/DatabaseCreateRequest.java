package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST .../databases}. Real clients send more (the Go client's stray
 * {@code Organization}, {@code notes}, Cloudflare billing fields): ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record DatabaseCreateRequest(String name, String region, String clusterSize, Integer replicas, String kind,
		String majorVersion, Storage storage) {

	/** 10 GiB, the smallest storage a PostgreSQL database may start with. */
	static final long MINIMUM_STORAGE_BYTES = 10L * 1024 * 1024 * 1024;

	/**
	 * The engine asked for: MySQL unless {@code kind} says otherwise; null if invalid.
	 */
	Engine engine() {
		return (this.kind == null) ? Engine.MYSQL : Engine.of(this.kind);
	}

	/**
	 * Records what is wrong with the request on its own, before the catalogue is
	 * consulted.
	 */
	void check(List<String> problems) {
		if (this.name == null || this.name.isBlank()) {
			problems.add("Name can't be blank");
		}
		else if (!Names.valid(this.name)) {
			problems.add("Name " + Names.RULE);
		}
		if (this.clusterSize == null || this.clusterSize.isBlank()) {
			problems.add("cluster_size can't be blank");
		}
		var engine = engine();
		if (engine == null) {
			problems.add("kind must be mysql or postgresql");
		}
		else if (engine == Engine.MYSQL) {
			if (this.replicas != null) {
				problems.add("replicas is only supported for postgresql databases");
			}
			if (this.majorVersion != null) {
				problems.add("major_version is only supported for postgresql databases");
			}
			if (this.storage != null) {
				problems.add("storage is only supported for postgresql databases");
			}
		}
		else {
			if (this.replicas != null && (this.replicas < 0 || this.replicas == 1)) {
				problems.add("replicas must be 0 (no high availability) or at least 2");
			}
			if (this.storage != null) {
				this.storage.check(problems);
			}
		}
	}

	Long minimumStorageBytes() {
		return (this.storage != null) ? this.storage.minimumStorageBytes() : null;
	}

	Long maximumStorageBytes() {
		return (this.storage != null) ? this.storage.maximumStorageBytes() : null;
	}

	/** The initial and the largest storage of a PostgreSQL database, in bytes. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record Storage(Long minimumStorageBytes, Long maximumStorageBytes) {

		void check(List<String> problems) {
			if (this.minimumStorageBytes != null && this.minimumStorageBytes < MINIMUM_STORAGE_BYTES) {
				problems.add("Minimum storage bytes must be greater than or equal to 10 GB");
			}
			var floor = (this.minimumStorageBytes != null) ? Math.max(this.minimumStorageBytes, MINIMUM_STORAGE_BYTES)
					: MINIMUM_STORAGE_BYTES;
			if (this.maximumStorageBytes != null && this.maximumStorageBytes < floor) {
				problems.add((this.minimumStorageBytes != null)
						? "Maximum storage bytes must be greater than or equal to minimum storage bytes"
						: "Maximum storage bytes must be greater than or equal to 10 GB");
			}
		}

	}

}
