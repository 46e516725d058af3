package dev.dbplane.web;

import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends IntegrationTest {

	@Test
	void whenARequestIsServedThenOneLogLineDescribesItWithTheTemplateAndCaller(CapturedOutput output) {
		var account = unique("acct");
		var api = harnessApi(account).withHeader("X-Request-Id", "trace-" + account);

		var response = api.get("/v1/orgs/o/projects/p/dbschema/missing_schema");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("X-Request-Id")).isEqualTo("trace-" + account);
		var line = output.getAll()
			.lines()
			.filter((l) -> l.contains("requestId=trace-" + account))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains("GET /v1/orgs/{org}/projects/{project}/dbschema/{dbschema} 404")
			.contains("caller=account:" + account)
			.doesNotContain("missing_schema");
	}

	@Test
	void whenNoRequestIdIsGivenOrItIsUnsafeThenOneIsGenerated() {
		var generated = api().get("/actuator/health");
		var unsafe = api().withHeader("X-Request-Id", "bad id\twith spaces").get("/actuator/health");

		assertThat(generated.header("X-Request-Id")).matches("^[0-9a-f-]{36}$");
		assertThat(unsafe.header("X-Request-Id")).matches("^[0-9a-f-]{36}$");
	}

	@Test
	void whenScrapingPrometheusThenRequestMetricsArePerPathTemplate() {
		harnessApi().get("/v1/orgs/o/projects/p/dbschema");

		var response = api().withHeader("Accept", "text/plain").get("/actuator/prometheus");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("http_server_requests_seconds_count")
			.contains("uri=\"/v1/orgs/{org}/projects/{project}/dbschema\"")
			// the per-request long-task timer is left out for its cost
			// (application.properties)
			.doesNotContain("http_server_requests_active");
	}

	@Test
	void whenScrapingPrometheusThenDatabasesAreCountedByState() {
		var response = api().withHeader("Accept", "text/plain").get("/actuator/prometheus");

		assertThat(response.body()).containsPattern("dbplane_planetscale_databases\\{state=\"pending\"} \\d")
			.containsPattern("dbplane_planetscale_databases\\{state=\"ready\"} \\d");
	}

	@Test
	void whenAskingForLivenessAndReadinessThenBothAreUp() {
		assertThat(api().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(api().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void whenAskingForOtherActuatorEndpointsThenTheyAreNotThere() {
		for (var path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops" }) {
			assertThat(harnessApi().get(path).status()).as(path).isEqualTo(404);
		}
	}

}
