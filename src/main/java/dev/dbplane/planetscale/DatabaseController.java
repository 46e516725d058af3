package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale databases")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases", produces = MediaType.APPLICATION_JSON_VALUE)
class DatabaseController {

	private final DatabaseService databases;

	DatabaseController(DatabaseService databases) {
		this.databases = databases;
	}

	@Operation(summary = "List databases", description = "q filters by name.")
	@GetMapping
	CountedListResponse<DatabaseResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "q " + Names.NO_NUL_RULE) String q,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.databases.list(caller, organization, q, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Create a database", description = "Answers 201; the database is pending until ready.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	DatabaseResponse create(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"name\": \"my-database\", \"cluster_size\": \"PS_10\", \"region\": \"us-east\"}"))) @RequestBody DatabaseCreateRequest request) {
		return this.databases.create(caller, organization, request);
	}

	@GetMapping("/{database}")
	DatabaseResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database) {
		return this.databases.get(caller, organization, database);
	}

	@Operation(summary = "Update database settings", description = "new_name renames the database.")
	@PatchMapping(path = "/{database}", consumes = MediaType.APPLICATION_JSON_VALUE)
	DatabaseResponse update(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"notes\": \"Orders\", \"deletion_protected\": false}"))) @RequestBody DatabaseUpdateRequest request) {
		return this.databases.update(caller, organization, database, request);
	}

	@Operation(summary = "Delete a database", description = "Answers 204 with an empty body.")
	@DeleteMapping("/{database}")
	ResponseEntity<Void> delete(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database) {
		this.databases.delete(caller, organization, database);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{database}/regions")
	ListResponse<RegionResponse> regions(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.databases.regions(caller, organization, database, PageQuery.of(page, perPage));
	}

}
