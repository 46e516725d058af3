package dev.dbplane.persistence;

import org.postgresql.util.PSQLException;

import org.springframework.dao.DataIntegrityViolationException;

/** Recognises which database constraint a write violated. */
public final class Constraints {

	private Constraints() {
	}

	/**
	 * Whether {@code ex} was raised by the named constraint, so that a unique-key race
	 * between two requests (or two replicas) becomes the family's duplicate error and
	 * nothing else does.
	 */
	public static boolean violated(DataIntegrityViolationException ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException sql && sql.getServerErrorMessage() != null
					&& constraint.equals(sql.getServerErrorMessage().getConstraint())) {
				return true;
			}
		}
		return false;
	}

}
