package dev.dbplane.harness;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.ErrorFamily;
import dev.dbplane.web.ValidationMessages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Harness's error shape, {@code {"message": "..."}}: a duplicate identifier is a 400
 * (Terraform prints the message only for 400), another account's resources are plain
 * 404s.
 * <p>
 * A write that lost a race (a PUT whose version was changed or deleted meanwhile, a
 * deadlock or lock timeout) is a 400 too, not a 409: Harness's API declares only 400,
 * 403, 404 and 500, and a 400 is the one status whose message Terraform shows, so the
 * user reads "read it again and retry" instead of a bare status code.
 */
@RestControllerAdvice(basePackageClasses = HarnessErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HarnessErrorAdvice {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex) {
		var status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case DUPLICATE, INVALID -> HttpStatus.BAD_REQUEST;
		};
		return ErrorFamily.HARNESS.response(status, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Object> invalidBody(MethodArgumentNotValidException ex) {
		return ErrorFamily.HARNESS.response(HttpStatus.BAD_REQUEST, ValidationMessages.of(ex));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Object> invalidArguments(HandlerMethodValidationException ex) {
		return ErrorFamily.HARNESS.response(HttpStatus.BAD_REQUEST, ValidationMessages.of(ex));
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex) {
		return ErrorFamily.HARNESS.response(HttpStatus.BAD_REQUEST,
				"The resource was changed or deleted by another request at the same time; read it again and retry");
	}

}
