package dev.dbplane.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.dbplane.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * dbplane's own administration of Harness credentials (Harness manages keys in its web
 * UI, which dbplane does not have): accounts, and the API keys of the caller's account.
 * Errors use the Harness shape.
 */
@RestController
@Tag(name = "dbplane: accounts and API keys", description = "Issue and revoke Harness API keys")
@RequestMapping(path = "/dbplane/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyController {

	private final HarnessApiKeys keys;

	ApiKeyController(HarnessApiKeys keys) {
		this.keys = keys;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeyRequest(@Schema(example = "ci") @NotBlank @Size(max = 128) String name,
			@Schema(description = "pat (default) or sat", example = "pat") @Pattern(regexp = "pat|sat",
					message = "must be one of pat, sat") String type,
			@Schema(description = "Default: view, edit, delete") Set<HarnessPermission> permissions) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountRequest(@Schema(example = "team_a") @NotBlank String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record KeyResponse(String id, String accountId, String name, String type, Set<HarnessPermission> permissions,
			@Schema(description = "The full key; returned once, when it is created") String key, Instant created,
			Instant revoked) {

		static KeyResponse from(HarnessApiKey key) {
			return new KeyResponse(key.id(), key.accountId(), key.name(), key.type(), key.permissions(), null,
					key.createdAt(), key.revokedAt());
		}

		static KeyResponse issued(HarnessApiKeys.IssuedKey issued, String name, String type) {
			return new KeyResponse(issued.id(), issued.accountId(), name, type, issued.permissions(), issued.key(),
					issued.createdAt(), null);
		}

	}

	@Operation(summary = "Issue an API key in the caller's account; the key is shown once")
	@PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	KeyResponse issue(@AuthenticationPrincipal HarnessPrincipal caller, @Valid @RequestBody KeyRequest request) {
		var permissions = (request.permissions() == null || request.permissions().isEmpty())
				? EnumSet.of(HarnessPermission.view, HarnessPermission.edit, HarnessPermission.delete)
				: EnumSet.copyOf(request.permissions());
		if (permissions.contains(HarnessPermission.operator) || !caller.permissions().containsAll(permissions)) {
			throw ApiException.forbidden("A key can only grant permissions its issuer holds (operator never)");
		}
		var type = (request.type() != null) ? request.type() : "pat";
		return KeyResponse.issued(this.keys.issue(caller.accountId(), type, request.name(), permissions),
				request.name(), type);
	}

	@Operation(summary = "List the API keys of the caller's account (never their secrets)")
	@GetMapping("/api-keys")
	List<KeyResponse> list(@AuthenticationPrincipal HarnessPrincipal caller) {
		return this.keys.list(caller.accountId()).stream().map(KeyResponse::from).toList();
	}

	@Operation(summary = "Revoke an API key of the caller's account")
	@DeleteMapping("/api-keys/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal HarnessPrincipal caller, @PathVariable String id) {
		this.keys.revoke(caller.accountId(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Create an account with a first admin key (operator keys only)")
	@PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	KeyResponse createAccount(@Valid @RequestBody AccountRequest request) {
		return KeyResponse.issued(this.keys.createAccount(request.id()), "admin", "pat");
	}

}
