package dev.dbplane.planetscale;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale branch changes")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches/{branch}",
		produces = MediaType.APPLICATION_JSON_VALUE)
class BranchChangeController {

	private static final String RESIZE_RULE = "resize " + Names.RULE;

	private final BranchChangeService changes;

	BranchChangeController(BranchChangeService changes) {
		this.changes = changes;
	}

	@Operation(summary = "List a branch's cluster change requests",
			description = "Newest first; each completed, as dbplane applies a change at once.")
	@GetMapping("/changes")
	ListResponse<BranchChangeResponse> listChanges(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.changes.listChanges(caller, organization, database, branch, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Change a PostgreSQL branch's cluster size, replicas or parameters",
			description = "Applied at once: 200 with the completed change request, 204 when the branch has "
					+ "what was asked already.")
	@PatchMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BranchChangeResponse> upsertChange(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch, @RequestBody BranchChangeRequest request) {
		return this.changes.upsert(caller, organization, database, branch, request)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@Operation(summary = "Cancel a PostgreSQL branch's queued change requests (pscale's branch resize cancel)",
			description = "204: dbplane applies every change at once, so none is ever queued to cancel.")
	@DeleteMapping("/changes")
	ResponseEntity<Void> cancelChanges(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		this.changes.cancel(caller, organization, database, branch, true);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/changes/{id}")
	BranchChangeResponse getChange(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.changes.getChange(caller, organization, database, branch, id);
	}

	@Operation(summary = "List a branch's vtgate resize requests",
			description = "Newest first; each completed, as dbplane applies a resize at once.")
	@GetMapping("/resizes")
	ListResponse<BranchResizeResponse> listResizes(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.changes.listResizes(caller, organization, database, branch, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Cancel a branch's queued change request",
			description = "204: dbplane applies every change and resize at once, so none is ever queued to cancel.")
	@DeleteMapping("/resizes")
	ResponseEntity<Void> cancelResizes(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch) {
		this.changes.cancel(caller, organization, database, branch, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/resizes/{resize}")
	BranchResizeResponse getResize(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @Pattern(regexp = Names.PATTERN, message = RESIZE_RULE) String resize) {
		return this.changes.getResize(caller, organization, database, branch, resize);
	}

	@Operation(summary = "List a PostgreSQL branch's configuration parameters",
			description = "What a change request may set (PATCH changes), with the branch's values over the "
					+ "defaults; a bare array. extension and internal (immutable) filter when given.")
	@GetMapping("/parameters")
	List<BranchParameterResponse> listParameters(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch, @RequestParam(required = false) Boolean extension,
			@RequestParam(required = false) Boolean internal) {
		return this.changes.listParameters(caller, organization, database, branch, extension, internal);
	}

}
