package dev.dbplane.harness;

import java.util.EnumSet;
import java.util.Map;

import dev.dbplane.security.HarnessApiKeys;
import dev.dbplane.security.HarnessPermission;
import dev.dbplane.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code dbplane.demo-data=true}: an example account {@code demo} with a documented
 * API key, two schemas and their instances, for people trying dbplane out. Idempotent:
 * what exists stays.
 */
@Component
class HarnessDemoData implements ApplicationRunner {

	static final String KEY = "pat.demo.demokey.demo-secret-not-for-production";

	private static final Logger log = LoggerFactory.getLogger(HarnessDemoData.class);

	private final HarnessApiKeys keys;

	private final SchemaService schemas;

	private final InstanceService instances;

	private final boolean enabled;

	// Read when dbplane starts, not as a bean condition: conditions of an ahead-of-time
	// processed build are fixed when it is built (README: fast start-up).
	HarnessDemoData(HarnessApiKeys keys, SchemaService schemas, InstanceService instances,
			@Value("${dbplane.demo-data:false}") boolean enabled) {
		this.enabled = enabled;
		this.keys = keys;
		this.schemas = schemas;
		this.instances = instances;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		this.keys.declare(KEY, EnumSet.of(HarnessPermission.view, HarnessPermission.edit, HarnessPermission.delete,
				HarnessPermission.admin));
		var account = new HarnessAccount("demo");
		schema(account, "orders", "Orders",
				new Changelog("github_connector", "db/changelog.yaml", "orders-service", null, null));
		schema(account, "billing", "Billing", new Changelog("", "liquibase/master.xml", "billing", null, null));
		instance(account, "orders", "orders_dev", "Orders (dev)", "dev", "main");
		instance(account, "orders", "orders_prod", "Orders (prod)", "prod", "release");
		instance(account, "billing", "billing_dev", "Billing (dev)", "dev", "main");
		log.info("Demo data ready: Harness account 'demo' (its API key is in README)");
	}

	private void schema(HarnessAccount account, String identifier, String name, Changelog changelog) {
		try {
			this.schemas.create(account, "default", "demo",
					new SchemaCreateRequest(identifier, name, Map.of("team", identifier), changelog, null, null,
							SchemaType.Repository, MigrationType.Liquibase, false, null));
		}
		catch (ApiException ex) {
			// already there from an earlier start
		}
	}

	private void instance(HarnessAccount account, String schema, String identifier, String name, String env,
			String branch) {
		try {
			this.instances.create(account, "default", "demo", schema, new InstanceCreateRequest(identifier, name,
					Map.of("env", env), branch, null, null, "postgres_" + env, env, Map.of("DB_NAME", schema)));
		}
		catch (ApiException ex) {
			// already there from an earlier start
		}
	}

}
