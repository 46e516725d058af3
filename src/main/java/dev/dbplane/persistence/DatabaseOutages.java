package dev.dbplane.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import dev.dbplane.web.Outages;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What an unreachable or lost PostgreSQL looks like. No connection: the pool found none
 * ({@link CannotCreateTransactionException} when a transaction wanted one,
 * {@link DataAccessResourceFailureException} otherwise). A connection that broke under a
 * request surfaces as whatever the failing step wraps it in; the SQLState underneath says
 * what happened: class 08 (connection exception) or 57P (server shutting down or starting
 * up). When the statement's own failure is masked by the rollback that followed it
 * (Spring reports only the rollback's, through Hibernate's exception under JPA), that
 * rollback failed on the pool's closed connection, whose exception carries no SQLState at
 * all.
 */
@Component
class DatabaseOutages implements Outages {

	@Override
	public boolean isOutage(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException || isConnectionState(cause)) {
				return true;
			}
			if (isRollback(cause) && closedConnection(cause.getCause())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isRollback(Throwable ex) {
		return ex instanceof org.springframework.transaction.TransactionException
				|| ex instanceof org.hibernate.TransactionException;
	}

	private static boolean closedConnection(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql.getSQLState() == null || isConnectionState(sql);
			}
		}
		return false;
	}

	private static boolean isConnectionState(Throwable ex) {
		return ex instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
	}

}
