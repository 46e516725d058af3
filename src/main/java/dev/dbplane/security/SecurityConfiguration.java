package dev.dbplane.security;

import java.util.List;

import dev.dbplane.web.RequestLogFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may call what. Regions, Swagger UI, the OpenAPI document and health are open; every
 * other path needs a credential. Harness permissions follow the HTTP method; PlanetScale
 * accesses depend on the organization and database, so its services check them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final String[] HARNESS_PREFIXES = { "/v1", "/gateway/v1", "/dbops/v1" };

	private static final String[] OPEN = { "/v1/regions", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
			"/v3/api-docs/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error" };

	/**
	 * Open endpoints never look at a credential, so health, regions and the documentation
	 * answer even while the credential store is unreachable or a caller sends a stale
	 * key.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
		return statelessApi(http.securityMatcher(OPEN))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<AuthenticationProvider> providers)
			throws Exception {
		var errors = new SecurityErrors();
		var authentication = new AuthenticationFilter(new ProviderManager(providers), new CredentialConverter());
		authentication.setSuccessHandler((request, response, auth) -> request
			.setAttribute(RequestLogFilter.CALLER_ATTRIBUTE, describe(auth.getPrincipal())));
		authentication.setFailureHandler(errors);

		statelessApi(http)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.addFilterAt(authentication, BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, harness("/orgs/*/projects/*/dbschema/*/instancelist"))
				.hasAuthority(HarnessPermission.view.authority())
				.requestMatchers(HttpMethod.GET, harness("/orgs/**"))
				.hasAuthority(HarnessPermission.view.authority())
				.requestMatchers(HttpMethod.POST, harness("/orgs/**"))
				.hasAuthority(HarnessPermission.edit.authority())
				.requestMatchers(HttpMethod.PUT, harness("/orgs/**"))
				.hasAuthority(HarnessPermission.edit.authority())
				.requestMatchers(HttpMethod.DELETE, harness("/orgs/**"))
				.hasAuthority(HarnessPermission.delete.authority())
				.requestMatchers("/dbplane/v1/accounts", "/dbplane/v1/accounts/**")
				.hasAuthority(HarnessPermission.operator.authority())
				.requestMatchers("/dbplane/v1/api-keys", "/dbplane/v1/api-keys/**")
				.hasAuthority(HarnessPermission.admin.authority())
				.requestMatchers("/v1/organizations", "/v1/organizations/**")
				.hasAuthority(PlanetScaleAuthenticationProvider.AUTHORITY)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/**
	 * Unusual methods (PROPFIND, LOCK...) reach Spring MVC, which answers 405 in the
	 * family's shape, instead of being rejected by the firewall with a bare 400.
	 * Everything else the strict firewall checks (encoded slashes, path traversal, the
	 * characters of header names and values and parameter names) stays on; those
	 * characters are checked by {@link HeaderText}, with the firewall's answers.
	 */
	@Bean
	WebSecurityCustomizer anyHttpMethodReachesTheApplication() {
		var firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
		firewall.setAllowedParameterNames(HeaderText::isAllowedName);
		return (web) -> web.httpFirewall(firewall);
	}

	/**
	 * An API with no sessions, forms, cookies or redirects: each request carries its
	 * credential.
	 */
	private static HttpSecurity statelessApi(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	/**
	 * No tracing backend is configured: an observation around every security filter only
	 * costs time on every request.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Who is calling, for the request log: never a secret. A PlanetScale caller names
	 * itself ({@link PlanetScaleCredentialCheck}).
	 */
	private static String describe(Object principal) {
		if (principal instanceof HarnessPrincipal harness) {
			return "account:" + harness.accountId();
		}
		return String.valueOf(principal);
	}

	private static String[] harness(String path) {
		var patterns = new String[HARNESS_PREFIXES.length];
		for (int i = 0; i < patterns.length; i++) {
			patterns[i] = HARNESS_PREFIXES[i] + path;
		}
		return patterns;
	}

}
