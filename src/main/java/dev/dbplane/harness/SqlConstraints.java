package dev.dbplane.harness;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises which constraint a plain JDBC write violated, as
 * {@link dev.dbplane.web.Constraints} does for Hibernate's exceptions: an integrity
 * violation (SQLState class 23) whose server message names the constraint. Only the
 * message's first line is read; the {@code Detail} lines quote the offending values,
 * which come from the caller.
 */
final class SqlConstraints {

	private SqlConstraints() {
	}

	static boolean violated(DataIntegrityViolationException ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")
					&& sql.getMessage() != null) {
				var message = sql.getMessage();
				var end = message.indexOf('\n');
				return ((end < 0) ? message : message.substring(0, end)).contains(constraint);
			}
		}
		return false;
	}

}
