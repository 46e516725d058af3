package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale branches")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches",
		produces = MediaType.APPLICATION_JSON_VALUE)
class BranchSchemaController {

	private final BranchSchemaService schemas;

	BranchSchemaController(BranchSchemaService schemas) {
		this.schemas = schemas;
	}

	@Operation(summary = "Get a branch's schema",
			description = "Its tables, as its real database has them now (none without a data plane of its kind). "
					+ "keyspace (MySQL) is the database's name; namespace (PostgreSQL) <database>.<schema> or "
					+ "<schema>, public by default.")
	@GetMapping("/{branch}/schema")
	BranchSchemaResponse schema(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "keyspace " + Names.NO_NUL_RULE) String keyspace,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "namespace " + Names.NO_NUL_RULE) String namespace) {
		return this.schemas.schema(caller, organization, database, branch, keyspace, namespace);
	}

	@Operation(summary = "Get what a branch's schema changed from its parent's (pscale branch diff)",
			description = "One entry per table added, dropped or changed, lines marked + (the branch's), - (the "
					+ "parent's) or a space (both); none for a branch without a parent.")
	@GetMapping("/{branch}/diff")
	BranchSchemaResponse diff(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		return this.schemas.diff(caller, organization, database, branch);
	}

	@Operation(summary = "Refresh a branch's schema (pscale branch refresh-schema)",
			description = "204: dbplane reads a branch's schema from its database whenever it is asked for.")
	@PostMapping("/{branch}/refresh-schema")
	ResponseEntity<Void> refreshSchema(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		this.schemas.refreshSchema(caller, organization, database, branch);
		return ResponseEntity.noContent().build();
	}

}
