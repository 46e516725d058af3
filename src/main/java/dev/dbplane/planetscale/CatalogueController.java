package dev.dbplane.planetscale;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "PlanetScale regions and cluster sizes")
@RestController
class CatalogueController {

	private final Catalogue catalogue;

	CatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Operation(summary = "List regions (no credential needed)")
	@GetMapping(path = "/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
	ListResponse<PublicRegionResponse> publicRegions(@RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.catalogue.publicRegions(PageQuery.of(page, perPage));
	}

	@Operation(summary = "List an organization's regions")
	@GetMapping(path = "/v1/organizations/{organization}/regions", produces = MediaType.APPLICATION_JSON_VALUE)
	ListResponse<RegionResponse> organizationRegions(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @RequestParam(required = false) Integer page,
			@RequestParam(name = "per_page", required = false) Integer perPage) {
		return this.catalogue.organizationRegions(caller, organization, PageQuery.of(page, perPage));
	}

	@Operation(summary = "List cluster sizes",
			description = "A bare array. PostgreSQL sizes with engine=postgresql or postgresql=true; "
					+ "prices only with rates=true.")
	@GetMapping(path = "/v1/organizations/{organization}/cluster-size-skus",
			produces = MediaType.APPLICATION_JSON_VALUE)
	List<ClusterSizeResponse> clusterSizes(PlanetScalePrincipal caller,
			@PathVariable @OrganizationName String organization, @RequestParam(required = false) String engine,
			@RequestParam(required = false) Boolean postgresql, @RequestParam(required = false) Boolean rates,
			@RequestParam(required = false) @Pattern(regexp = Names.NO_NUL,
					message = "region " + Names.NO_NUL_RULE) String region) {
		return this.catalogue.clusterSizes(caller, organization, engine, postgresql, rates, region);
	}

}
