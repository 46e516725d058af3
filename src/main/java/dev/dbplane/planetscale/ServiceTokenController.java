package dev.dbplane.planetscale;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service tokens of an organization and their accesses, as PlanetScale serves them (the
 * access paths as planetscale-go and pscale call them).
 */
@Tag(name = "PlanetScale service tokens")
@RestController
@RequestMapping(path = "/v1/organizations/{organization}/service-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceTokenController {

	private final ServiceTokenService tokens;

	private final BaseUrl baseUrl;

	ServiceTokenController(ServiceTokenService tokens, BaseUrl baseUrl) {
		this.tokens = tokens;
		this.baseUrl = baseUrl;
	}

	@Operation(summary = "List service tokens", description = "Needs read_service_tokens.")
	@GetMapping
	CountedListResponse<ServiceTokenResponse> list(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.tokens.list(caller, organization, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Create a service token",
			description = "Needs write_service_tokens. The token (secret) is in this answer only; the new token "
					+ "has no access until one is granted.")
	@PostMapping
	ServiceTokenResponse create(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@RequestBody(required = false) ServiceTokenCreateRequest request) {
		return this.tokens.create(caller, organization, request);
	}

	@Operation(summary = "Get a service token", description = "Needs read_service_tokens.")
	@GetMapping("/{id}")
	ServiceTokenResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable String id) {
		return this.tokens.get(caller, organization, id);
	}

	@Operation(summary = "Delete a service token", description = "Needs delete_service_tokens.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable String id) {
		this.tokens.delete(caller, organization, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "List a service token's accesses", description = "Needs read_service_tokens.")
	@GetMapping("/{id}/access")
	Map<String, List<ServiceTokenAccessResponse>> accesses(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable String id) {
		return Map.of("data", this.tokens.accesses(caller, organization, id));
	}

	@Operation(summary = "List a service token's grants",
			description = "Needs read_service_tokens. Its accesses grouped by the organization or database they "
					+ "apply to, as pscale service-token show-access reads them.")
	@GetMapping("/{id}/grants")
	ListResponse<ServiceTokenGrantResponse> grants(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable String id,
			@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		var grants = ServiceTokenGrantResponse.of(this.tokens.accesses(caller, organization, id));
		var query = PageQuery.of(page, perPage);
		return ListResponse.of(query.slice(grants), grants.size(), query, PageLinks.of(this.baseUrl.current(),
				"/v1/organizations/" + organization + "/service-tokens/" + id + "/grants"));
	}

	@Operation(summary = "Grant accesses to a service token",
			description = "Needs write_service_tokens; a service token can grant only accesses it holds.")
	@PostMapping(path = "/{id}/access", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<ServiceTokenAccessResponse>> grant(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @PathVariable String id,
			@RequestBody ServiceTokenAccessRequest request) {
		return Map.of("data", this.tokens.grant(caller, organization, id, request));
	}

	@Operation(summary = "Revoke accesses of a service token", description = "Needs write_service_tokens.")
	@DeleteMapping(path = "/{id}/access", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> revoke(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization,
			@PathVariable String id, @RequestBody ServiceTokenAccessRequest request) {
		this.tokens.revoke(caller, organization, id, request);
		return ResponseEntity.noContent().build();
	}

}
