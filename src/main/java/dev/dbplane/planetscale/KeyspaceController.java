package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale keyspaces")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches/{branch}/keyspaces",
		produces = MediaType.APPLICATION_JSON_VALUE)
class KeyspaceController {

	private final BranchSchemaService schemas;

	KeyspaceController(BranchSchemaService schemas) {
		this.schemas = schemas;
	}

	@Operation(summary = "List a MySQL branch's keyspaces",
			description = "One: a dbplane branch is unsharded, its keyspace named as its database. 404 on PostgreSQL.")
	@GetMapping
	ListResponse<KeyspaceResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.schemas.keyspaces(caller, organization, database, branch, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Get a MySQL branch's keyspace", description = "By name (the database's) or id.")
	@GetMapping("/{keyspace}")
	KeyspaceResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @DatabaseName(message = "keyspace " + Names.RULE) String keyspace) {
		return this.schemas.keyspace(caller, organization, database, branch, keyspace);
	}

}
