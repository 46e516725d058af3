package dev.dbplane.planetscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A password or role id in a path ({@code {id}}). Checked against {@link Names#PATTERN}
 * and refused with its own message, in one annotation rather than three repeated on every
 * endpoint.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = Names.PATTERN)
@Parameter(schema = @Schema(type = "string", pattern = Names.PATTERN))
@interface CredentialId {

	String message() default "id " + Names.RULE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
