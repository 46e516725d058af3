package dev.dbplane.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document behind Swagger UI: both families' credentials are declared, so a
 * person can press Authorize, paste a Harness API key or a PlanetScale token, and try
 * every call.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String HARNESS_API_KEY = "x-api-key";

	static final String SERVICE_TOKEN = "serviceToken";

	static final String BEARER = "bearer";

	@Bean
	OpenAPI dbplaneOpenApi() {
		return new OpenAPI()
			.info(new Info().title("dbplane")
				.description("Self-hostable database control plane speaking the Harness Database DevOps and "
						+ "PlanetScale APIs.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes(HARNESS_API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("x-api-key")
							.description("Harness API key: pat.<accountId>.<tokenId>.<secret>"))
				.addSecuritySchemes(SERVICE_TOKEN,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("Authorization")
							.description("PlanetScale service token: <SERVICE_TOKEN_ID>:<SERVICE_TOKEN>"))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("PlanetScale access token")))
			.addSecurityItem(new SecurityRequirement().addList(HARNESS_API_KEY))
			.addSecurityItem(new SecurityRequirement().addList(SERVICE_TOKEN))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
