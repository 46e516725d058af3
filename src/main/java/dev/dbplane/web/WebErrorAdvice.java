package dev.dbplane.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised by Spring MVC itself (unknown path, wrong method or media type,
 * unreadable body, bad query parameter) and anything unexpected, answered in the error
 * shape of the family the path belongs to. Each family's own advice runs first for the
 * failures of its controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, HttpServletRequest request) {
		log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
		return ErrorFamily.of(request)
			.response(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry later");
	}

	/**
	 * Tomcat parses the query string only when a parameter is first read, so a malformed
	 * one ({@code %ZZ}, bytes that are not UTF-8) surfaces here rather than as a 400 of
	 * its own.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> invalidQueryString(InvalidParameterException ex, HttpServletRequest request) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return ErrorFamily.of(request).response(HttpStatus.CONTENT_TOO_LARGE, "Too many query parameters");
		}
		return ErrorFamily.of(request)
			.response(HttpStatus.BAD_REQUEST, "Malformed query string: parameters must be percent-encoded UTF-8");
	}

	/**
	 * Spring Security's firewall checks query parameter names (no control characters, no
	 * unassigned code points) only when a parameter is first read, so a rejected one
	 * surfaces here.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejectedRequest(RequestRejectedException ex, HttpServletRequest request) {
		return ErrorFamily.of(request)
			.response(HttpStatus.BAD_REQUEST,
					"Query parameter names must not contain control characters or unassigned code points");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		if (lostConnection(ex)) {
			return databaseUnavailable(ex, request);
		}
		var reference = UUID.randomUUID().toString();
		log.error("Internal error, reference {}, on {} {}", reference, request.getMethod(), request.getRequestURI(),
				ex);
		return ErrorFamily.of(request)
			.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal error, reference " + reference);
	}

	/**
	 * A connection that breaks under a request surfaces as whatever the failing step
	 * wraps it in; the SQLState underneath says what happened: class 08 (connection
	 * exception) or 57P (server shutting down or starting up). When the statement's own
	 * failure is masked by the rollback that followed it (Spring reports only the
	 * rollback's, through Hibernate's exception under JPA), that rollback failed on the
	 * pool's closed connection, whose exception carries no SQLState at all.
	 */
	static boolean lostConnection(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || isConnectionState(cause)) {
				return true;
			}
			if ((cause instanceof TransactionException || cause instanceof org.hibernate.TransactionException)
					&& cause.getCause() instanceof SQLException sql
					&& (sql.getSQLState() == null || isConnectionState(sql))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(Throwable ex) {
		return ex instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		if (ex instanceof HttpMessageNotReadableException && causedByTooLargeBody(ex)) {
			status = HttpStatus.CONTENT_TOO_LARGE;
		}
		var response = ErrorFamily.of(servletRequest).response(status, messageOf(ex, status));
		return ResponseEntity.status(status).headers(headers).headers(response.getHeaders()).body(response.getBody());
	}

	private static boolean causedByTooLargeBody(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException) {
				return true;
			}
		}
		return false;
	}

	static String messageOf(Exception ex, HttpStatusCode status) {
		if (status.value() == 413) {
			return "Request body exceeds the limit of 1 MiB";
		}
		if (ex instanceof HttpMessageNotReadableException notReadable) {
			return unreadableBody(notReadable);
		}
		if (ex instanceof MethodArgumentNotValidException invalid) {
			return ValidationMessages.of(invalid);
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			return ValidationMessages.of(invalid);
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return mismatch.getName() + ": must be " + describeType(mismatch.getRequiredType());
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return missing.getParameterName() + ": is required";
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return "Header " + missing.getHeaderName() + " is required";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			return "Method " + unsupported.getMethod() + " is not allowed here; allowed: " + String.join(", ",
					unsupported.getSupportedMethods() == null ? new String[0] : unsupported.getSupportedMethods());
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "Content-Type must be application/json";
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return "Responses are available as application/json only";
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return "Not Found";
		}
		var reason = HttpStatus.resolve(status.value());
		return reason != null ? reason.getReasonPhrase() : "Request failed";
	}

	private static String unreadableBody(HttpMessageNotReadableException ex) {
		var cause = ex.getCause();
		if (cause == null) {
			return "Request body is required";
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return path(unknown) + ": unknown field";
		}
		if (cause instanceof UnstorableTextException unstorable) {
			return path(unstorable) + ": must not contain NUL characters (\\u0000) or unpaired surrogates";
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return path(invalid) + ": must be one of "
					+ Arrays.stream(invalid.getTargetType().getEnumConstants())
						.map(Object::toString)
						.collect(Collectors.joining(", "));
		}
		if (cause instanceof ValueInstantiationException invalid && invalid.getType() != null
				&& invalid.getType().isEnumType()) {
			return path(invalid) + ": must be one of "
					+ Arrays.stream(invalid.getType().getRawClass().getEnumConstants())
						.map(Object::toString)
						.collect(Collectors.joining(", "));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return path(mismatch) + ": must be " + describeType(mismatch.getTargetType());
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return "Request body must be " + describeType(mismatch.getTargetType());
		}
		// A number too large for its field: valid JSON, so name the field like any
		// other wrong value rather than calling the document malformed.
		if (cause instanceof InputCoercionException coercion && !coercion.getPath().isEmpty()) {
			return path(coercion) + ": must be " + describeType(coercion.getTargetType());
		}
		if (cause instanceof StreamConstraintsException) {
			return "Malformed JSON: the document exceeds the nesting or size limits";
		}
		if (cause instanceof StreamReadException read && read.getLocation() != null) {
			return "Malformed JSON at line " + read.getLocation().getLineNr() + ", column "
					+ read.getLocation().getColumnNr();
		}
		return "Malformed JSON request body";
	}

	private static String path(JacksonException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describeType(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a valid value";
	}

}
