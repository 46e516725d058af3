package dev.dbplane.dataplane;

/**
 * Told when a task is done, inside the transaction that records it, so whatever the
 * listener changes commits with the task or not at all: a branch becomes {@code ready}
 * exactly when its work is recorded done, once, on one replica.
 */
public interface ProvisioningListener {

	void completed(CompletedTask task);

	/**
	 * A task done.
	 *
	 * @param id what the enqueuing method returned
	 * @param server its server
	 * @param action what it did
	 * @param subject what the caller passed when enqueuing, e.g. {@code branch:<id>}
	 * @param database the branch database
	 * @param username the login, {@code null} for database tasks
	 * @param subjectDone whether no other task of the same subject is left
	 */
	record CompletedTask(long id, ServerKind server, TaskAction action, String subject, String database,
			String username, boolean subjectDone) {
	}

}
