package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.ErrorFamily;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * PlanetScale's error shape, {@code {"code": "...", "message": "..."}}: validation and
 * duplicates are 422 {@code unprocessable}, anything missing (or hidden from the caller)
 * is 404 {@code Not Found}.
 */
@RestControllerAdvice(basePackageClasses = PlanetScaleErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanetScaleErrorAdvice {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex) {
		return switch (ex.kind()) {
			case NOT_FOUND -> ErrorFamily.PLANETSCALE.response(HttpStatus.NOT_FOUND, "Not Found");
			case FORBIDDEN -> ErrorFamily.PLANETSCALE.response(HttpStatus.FORBIDDEN, ex.getMessage());
			case DUPLICATE, INVALID ->
				ErrorFamily.PLANETSCALE.response(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		};
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Object> badRequest(BadRequestException ex) {
		return ErrorFamily.PLANETSCALE.response(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Object> invalidBody(MethodArgumentNotValidException ex) {
		return unprocessable(ex.getBindingResult().getAllErrors());
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Object> invalidArguments(HandlerMethodValidationException ex) {
		var errors = new ArrayList<MessageSourceResolvable>();
		ex.getParameterValidationResults().forEach((result) -> errors.addAll(result.getResolvableErrors()));
		return unprocessable(errors);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return ErrorFamily.PLANETSCALE.response(HttpStatus.CONFLICT,
				"The database was changed by another request at the same time; read it again and retry");
	}

	/** Our constraint messages name their field, so they are shown as they are. */
	private static ResponseEntity<Object> unprocessable(List<? extends MessageSourceResolvable> errors) {
		var message = errors.stream()
			.map(MessageSourceResolvable::getDefaultMessage)
			.sorted()
			.distinct()
			.collect(Collectors.joining("; "));
		return ErrorFamily.PLANETSCALE.response(HttpStatus.UNPROCESSABLE_CONTENT, message);
	}

}
