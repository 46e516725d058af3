package dev.dbplane.harness;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Harness database schemas, under {@code /v1}, {@code /gateway/v1} (Terraform's default
 * endpoint ends in {@code /gateway}) and {@code /dbops/v1} (Harness's MCP server).
 */
@RestController
@Tag(name = "Harness: database schemas", description = "Database schemas of a Harness project")
@RequestMapping(path = { "/v1/orgs/{org}/projects/{project}/dbschema",
		"/gateway/v1/orgs/{org}/projects/{project}/dbschema", "/dbops/v1/orgs/{org}/projects/{project}/dbschema" },
		produces = MediaType.APPLICATION_JSON_VALUE)
class SchemaController {

	private final SchemaService schemas;

	SchemaController(SchemaService schemas) {
		this.schemas = schemas;
	}

	@Operation(summary = "List schemas")
	@GetMapping
	ResponseEntity<List<SchemaResponse>> list(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@ParameterObject @Valid ListQuery query, @RequestParam(required = false) MigrationType migrationType) {
		return Paging.respond(this.schemas.list(account, org, project, query, migrationType));
	}

	@Operation(summary = "Create a schema")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SchemaResponse create(HarnessAccount account, @Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = Examples.CREATE_SCHEMA))) @Valid @RequestBody SchemaCreateRequest request) {
		return this.schemas.create(account, org, project, request);
	}

	@Operation(summary = "Get a schema")
	@GetMapping("/{dbschema}")
	SchemaResponse get(HarnessAccount account, @Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema) {
		return this.schemas.get(account, org, project, dbschema);
	}

	@Operation(summary = "Update a schema; absent fields keep their values")
	@PutMapping(path = "/{dbschema}", consumes = MediaType.APPLICATION_JSON_VALUE)
	SchemaResponse update(HarnessAccount account, @Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = Examples.UPDATE_SCHEMA))) @Valid @RequestBody SchemaUpdateRequest request) {
		return this.schemas.update(account, org, project, dbschema, request);
	}

	@Operation(summary = "Delete a schema and its instances")
	@DeleteMapping("/{dbschema}")
	ResponseEntity<Void> delete(HarnessAccount account,
			@Parameter(example = "default") @PathVariable @Identifier String org,
			@Parameter(example = "demo") @PathVariable @Identifier String project,
			@Parameter(example = "my_db_schema") @PathVariable @Identifier String dbschema) {
		this.schemas.delete(account, org, project, dbschema);
		return ResponseEntity.noContent().build();
	}

}
