package dev.dbplane.harness;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Harness database instances of a schema, under the same three prefixes as schemas.
 * Listing is a POST to {@code instancelist} whose body (a tag filter) is optional.
 */
@RestController
@Tag(name = "Harness: database instances", description = "Database instances of a Harness schema")
@RequestMapping(
		path = { "/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}",
				"/gateway/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}",
				"/dbops/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}" },
		produces = MediaType.APPLICATION_JSON_VALUE)
class InstanceController {

	private final InstanceService instances;

	InstanceController(InstanceService instances) {
		this.instances = instances;
	}

	// consumes refuses Content-Type */* with a 415 (Spring cannot read a wildcard type);
	// a POST without a body still matches because the body is optional.
	@Operation(summary = "List instances; the body (a tag filter) is optional")
	@PostMapping(path = "/instancelist", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<InstanceResponse>> list(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Pattern(
					regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String dbschema,
			@ParameterObject @Valid ListQuery query,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(examples = @ExampleObject(value = Examples.FILTER))) @Valid @RequestBody(
							required = false) InstanceFilter filter) {
		return Paging.respond(this.instances.list(account, org, project, dbschema, query,
				(filter != null) ? filter : InstanceFilter.NONE));
	}

	@Operation(summary = "Create an instance")
	@PostMapping(path = "/instance", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InstanceResponse create(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = Examples.CREATE_INSTANCE))) @Valid @RequestBody InstanceCreateRequest request) {
		return this.instances.create(account, org, project, dbschema, request);
	}

	@Operation(summary = "Get an instance")
	@GetMapping("/instance/{dbinstance}")
	InstanceResponse get(HarnessAccount account, @Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema,
			@Parameter(example = "customer_db_instance") @PathVariable @Identifier String dbinstance) {
		return this.instances.get(account, org, project, dbschema, dbinstance);
	}

	@Operation(summary = "Update an instance; absent fields keep their values")
	@PutMapping(path = "/instance/{dbinstance}", consumes = MediaType.APPLICATION_JSON_VALUE)
	InstanceResponse update(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema,
			@Parameter(example = "customer_db_instance") @PathVariable @Identifier String dbinstance,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = Examples.UPDATE_INSTANCE))) @Valid @RequestBody InstanceUpdateRequest request) {
		return this.instances.update(account, org, project, dbschema, dbinstance, request);
	}

	@Operation(summary = "Delete an instance")
	@DeleteMapping("/instance/{dbinstance}")
	ResponseEntity<Void> delete(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema,
			@Parameter(example = "customer_db_instance") @PathVariable @Identifier String dbinstance) {
		this.instances.delete(account, org, project, dbschema, dbinstance);
		return ResponseEntity.noContent().build();
	}

}
