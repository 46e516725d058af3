package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale roles")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles",
		produces = MediaType.APPLICATION_JSON_VALUE)
class RoleController {

	private final RoleService roles;

	RoleController(RoleService roles) {
		this.roles = roles;
	}

	@Operation(summary = "List a PostgreSQL branch's roles", description = "q filters by name; newest first.")
	@GetMapping
	CountedListResponse<RoleResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "q " + Names.NO_NUL_RULE) String q,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.roles.list(caller, organization, database, branch, q, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Create a role",
			description = "Answers 200 (as PlanetScale does) with password, the secret, shown this once. A "
					+ "control-plane record until the data plane serves connections.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	RoleResponse create(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"name\": \"app\", \"inherited_roles\": [\"pg_read_all_data\", \"pg_write_all_data\"]}"))) @RequestBody RoleCreateRequest request) {
		return this.roles.create(caller, organization, database, branch, request);
	}

	@Operation(summary = "The branch's default role", description = "postgres; its password only from reset-default.")
	@GetMapping("/default")
	RoleResponse getDefault(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		return this.roles.getDefault(caller, organization, database, branch);
	}

	@Operation(summary = "Reset the default role's password", description = "The new password is shown this once.")
	@PostMapping("/reset-default")
	RoleResponse.Reset resetDefault(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		return this.roles.resetDefault(caller, organization, database, branch);
	}

	@GetMapping("/{id}")
	RoleResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.roles.get(caller, organization, database, branch, id);
	}

	@Operation(summary = "Rename a role or change its query safety settings")
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	RoleResponse update(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id, @RequestBody RoleUpdateRequest request) {
		return this.roles.update(caller, organization, database, branch, id, request);
	}

	// renew and reset: the document declares no request body; planetscale-go (and pscale
	// through it) sends {} with Content-Type application/json. No body is read, so that
	// and none both work.
	@Operation(summary = "Renew a role",
			description = "By its ttl again, from now; only one with a ttl. planetscale-go "
					+ "and pscale send an empty JSON object, which the document does not declare: any body is ignored.")
	@PostMapping("/{id}/renew")
	RoleResponse renew(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.roles.renew(caller, organization, database, branch, id);
	}

	@Operation(summary = "Reset a role's password",
			description = "Answers 200 with the role and its new password, shown this once; the old one stops "
					+ "working. Any body (the clients send an empty JSON object) is ignored.")
	@PostMapping("/{id}/reset")
	RoleResponse reset(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.roles.reset(caller, organization, database, branch, id);
	}

	@Operation(summary = "Reassign what a role owns to another role",
			description = "Answers 204. successor (required) is another role of the branch: its id, or its username "
					+ "with or without the branch's suffix. The role stays.")
	@PostMapping("/{id}/reassign")
	ResponseEntity<Void> reassign(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(value = "{\"successor\": \"postgres\"}"))) @RequestBody(
							required = false) RoleReassignRequest request) {
		this.roles.reassign(caller, organization, database, branch, id, (request != null) ? request.successor() : null);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Delete a role",
			description = "Answers 204. successor (query, or JSON body as pscale sends it) names the role that "
					+ "takes over what it owns.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "successor " + Names.NO_NUL_RULE) String successor,
			@RequestBody(required = false) RoleDeleteRequest request) {
		var heir = (successor != null) ? successor : (request != null) ? request.successor() : null;
		this.roles.delete(caller, organization, database, branch, id, heir);
		return ResponseEntity.noContent().build();
	}

}
