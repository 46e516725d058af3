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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale branches")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches",
		produces = MediaType.APPLICATION_JSON_VALUE)
class BranchController {

	private final BranchService branches;

	BranchController(BranchService branches) {
		this.branches = branches;
	}

	@Operation(summary = "List branches", description = "q filters by name; order by created_at, asc or desc.")
	@GetMapping
	CountedListResponse<BranchResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "q " + Names.NO_NUL_RULE) String q,
			@RequestParam(required = false) Boolean production,
			@RequestParam(name = "safe_migrations", required = false) Boolean safeMigrations,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "order " + Names.NO_NUL_RULE) String order,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.branches.list(caller, organization, database, q, production, safeMigrations, order,
				PageQuery.of(page, perPage));
	}

	@Operation(summary = "Create a branch",
			description = "Answers 201; the branch is pending until ready. With create_database_if_missing and kind, "
					+ "creates the database too when it does not exist, with this branch as its default branch.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	BranchResponse create(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"name\": \"dev\", \"parent_branch\": \"main\"}"))) @RequestBody BranchCreateRequest request) {
		return this.branches.create(caller, organization, database, request);
	}

	@GetMapping("/{branch}")
	BranchResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		return this.branches.get(caller, organization, database, branch);
	}

	@Operation(summary = "Update a branch", description = "new_name renames it; deletion_protected.")
	@PatchMapping(path = "/{branch}", consumes = MediaType.APPLICATION_JSON_VALUE)
	BranchResponse update(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@RequestBody BranchUpdateRequest request) {
		return this.branches.update(caller, organization, database, branch, request);
	}

	@Operation(summary = "Delete a branch",
			description = "Answers 204. delete_descendants=true deletes the branches made from it too. Deleting "
					+ "the database's last branch deletes the database.")
	@DeleteMapping("/{branch}")
	ResponseEntity<Void> delete(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName(example = "dev") String branch,
			@RequestParam(name = "delete_descendants", required = false) Boolean deleteDescendants) {
		this.branches.delete(caller, organization, database, branch, Boolean.TRUE.equals(deleteDescendants));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Turn safe migrations on or off", description = "Answers 200 with the branch.")
	@PutMapping(path = "/{branch}/safe-migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
	BranchResponse safeMigrations(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@RequestBody SafeMigrationsRequest request) {
		return this.branches.safeMigrations(caller, organization, database, branch, request.safeMigrations());
	}

	@Operation(summary = "Turn safe migrations on", description = "Answers 200 with the branch.")
	@PostMapping("/{branch}/safe-migrations")
	BranchResponse enableSafeMigrations(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch) {
		return this.branches.safeMigrations(caller, organization, database, branch, true);
	}

	@Operation(summary = "Turn safe migrations off", description = "Answers 200 with the branch.")
	@DeleteMapping("/{branch}/safe-migrations")
	BranchResponse disableSafeMigrations(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch) {
		return this.branches.safeMigrations(caller, organization, database, branch, false);
	}

	@Operation(summary = "Resize a branch's vtgates",
			description = "Applied at once and answered 204: there is no resize request to poll.")
	@PutMapping(path = "/{branch}/resizes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> resize(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@RequestBody BranchResizeRequest request) {
		this.branches.resize(caller, organization, database, branch, request);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Change a branch's cluster size and parameters (Terraform)",
			description = "Applied at once and answered 204: there is no change request to poll.")
	@PutMapping(path = "/{branch}/terraform-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changeCluster(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@RequestBody BranchClusterChangeRequest request) {
		this.branches.changeCluster(caller, organization, database, branch, request);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Promote a development branch to production",
			description = "Answers 200 with the branch; 422 when it is a production branch already.")
	@PostMapping("/{branch}/promote")
	BranchResponse promote(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName(example = "dev") String branch) {
		return this.branches.promote(caller, organization, database, branch);
	}

	@Operation(summary = "Demote a production branch to development",
			description = "Answers 200 with the branch; 422 when it is a development branch already.")
	@PostMapping("/{branch}/demote")
	BranchResponse demote(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName(example = "dev") String branch) {
		return this.branches.demote(caller, organization, database, branch);
	}

}
