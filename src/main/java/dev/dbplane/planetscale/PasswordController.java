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

@Tag(name = "PlanetScale passwords")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/databases/{database}/branches/{branch}/passwords",
		produces = MediaType.APPLICATION_JSON_VALUE)
class PasswordController {

	private final PasswordService passwords;

	PasswordController(PasswordService passwords) {
		this.passwords = passwords;
	}

	@Operation(summary = "List a MySQL branch's passwords", description = "q filters by name; newest first.")
	@GetMapping
	CountedListResponse<PasswordResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable @DatabaseName String database,
			@PathVariable @BranchName String branch,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "q " + Names.NO_NUL_RULE) String q,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.passwords.list(caller, organization, database, branch, q, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Create a password",
			description = "Answers 201 with plain_text, the secret, shown this once. A control-plane record until "
					+ "the data plane serves connections.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	PasswordResponse create(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"name\": \"ci\", \"role\": \"readwriter\", \"ttl\": 3600}"))) @RequestBody PasswordCreateRequest request) {
		return this.passwords.create(caller, organization, database, branch, request);
	}

	@GetMapping("/{id}")
	PasswordResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.passwords.get(caller, organization, database, branch, id);
	}

	@Operation(summary = "Rename a password or change its CIDRs")
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	PasswordResponse update(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id, @RequestBody PasswordUpdateRequest request) {
		return this.passwords.update(caller, organization, database, branch, id, request);
	}

	@Operation(summary = "Renew a password", description = "By its ttl again, from now; only one with a ttl.")
	@PostMapping("/{id}/renew")
	PasswordResponse renew(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		return this.passwords.renew(caller, organization, database, branch, id);
	}

	@Operation(summary = "Delete a password", description = "Answers 204 with an empty body.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable @DatabaseName String database, @PathVariable @BranchName String branch,
			@PathVariable @CredentialId String id) {
		this.passwords.delete(caller, organization, database, branch, id);
		return ResponseEntity.noContent().build();
	}

}
