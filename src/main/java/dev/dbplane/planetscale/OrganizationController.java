package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale organizations")
@RestController
@RequestMapping(path = "/v1/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
class OrganizationController {

	private final Organizations organizations;

	OrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@Operation(summary = "List organizations")
	@GetMapping
	ListResponse<OrganizationResponse> list(PlanetScalePrincipal caller, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.organizations.list(caller, PageQuery.of(page, perPage));
	}

	@Operation(summary = "Get an organization")
	@GetMapping("/{organization}")
	OrganizationResponse get(PlanetScalePrincipal caller, @PathVariable @OrganizationName String organization) {
		return this.organizations.get(caller, organization);
	}

}
