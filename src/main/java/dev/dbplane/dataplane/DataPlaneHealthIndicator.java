package dev.dbplane.dataplane;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the data plane: down while a task keeps failing (the vendor's branches
 * have no error state, so this, the log and the metrics are where a failing server
 * shows). Error texts never hold secrets.
 */
class DataPlaneHealthIndicator implements HealthIndicator {

	private final ProvisioningTaskRepository tasks;

	private final DataPlane dataPlane;

	DataPlaneHealthIndicator(ProvisioningTaskRepository tasks, DataPlane dataPlane) {
		this.tasks = tasks;
		this.dataPlane = dataPlane;
	}

	@Override
	public Health health() {
		var failing = this.tasks.findFirstByCompletedAtIsNullAndLastErrorIsNotNullOrderByIdAsc();
		var health = failing.isPresent() ? Health.down() : Health.up();
		for (var kind : ServerKind.values()) {
			health.withDetail(kind.name().toLowerCase(),
					this.dataPlane.endpoint(kind).map(Endpoint::hostAndPort).orElse("records only"));
		}
		health.withDetail("pendingTasks", this.tasks.countByCompletedAtIsNull());
		failing.ifPresent((task) -> health.withDetail("failingTask", task.toString())
			.withDetail("attempts", task.attempts())
			.withDetail("nextAttemptAt", task.nextAttemptAt().toString())
			.withDetail("lastError", task.lastError()));
		return health.build();
	}

}
