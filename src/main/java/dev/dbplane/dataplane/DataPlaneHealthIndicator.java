package dev.dbplane.dataplane;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;

/**
 * Readiness of the data plane: down while a task keeps failing (the vendor's branches
 * have no error state, so this, the log and the metrics are where a failing server
 * shows). Error texts never hold secrets.
 */
class DataPlaneHealthIndicator extends AbstractHealthIndicator {

	private final ProvisioningTaskRepository tasks;

	private final DataPlane dataPlane;

	DataPlaneHealthIndicator(ProvisioningTaskRepository tasks, DataPlane dataPlane) {
		// While the store is down this check fails too: DOWN, like the store's own.
		super("Data-plane health check failed");
		this.tasks = tasks;
		this.dataPlane = dataPlane;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		var failing = this.tasks.findFirstByCompletedAtIsNullAndLastErrorIsNotNullOrderByIdAsc();
		if (failing.isPresent()) {
			health.down();
		}
		else {
			health.up();
		}
		for (var kind : ServerKind.values()) {
			health.withDetail(kind.name().toLowerCase(),
					this.dataPlane.endpoint(kind)
						.map((endpoint) -> endpoint.hostAndPort("dbplane"))
						.orElse("records only"));
		}
		health.withDetail("pendingTasks", this.tasks.countByCompletedAtIsNull());
		failing.ifPresent((task) -> health.withDetail("failingTask", task.toString())
			.withDetail("attempts", task.attempts())
			.withDetail("nextAttemptAt", task.nextAttemptAt().toString())
			.withDetail("lastError", task.lastError()));
	}

}
