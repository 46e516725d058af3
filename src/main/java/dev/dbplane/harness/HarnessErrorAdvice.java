package dev.dbplane.harness;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.ErrorFamily;
import dev.dbplane.web.ValidationMessages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Harness's error shape, {@code {"message": "..."}}: a duplicate identifier is a 400
 * (Terraform prints the message only for 400), another account's resources are plain
 * 404s.
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

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentUpdate(ObjectOptimisticLockingFailureException ex) {
		return ErrorFamily.HARNESS.response(HttpStatus.CONFLICT,
				"The resource was changed by another request at the same time; read it again and retry");
	}

}
