package dev.dbplane.planetscale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

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

	static final String ORGANIZATION_RULE = "organization " + Names.RULE;

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
	OrganizationResponse get(PlanetScalePrincipal caller,
			@Parameter(example = "dbplane") @PathVariable @Pattern(regexp = Names.PATTERN,
					message = ORGANIZATION_RULE) String organization) {
		return this.organizations.get(caller, organization);
	}

}
