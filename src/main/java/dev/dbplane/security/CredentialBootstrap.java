package dev.dbplane.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First credentials of an installation. Keys declared in configuration (for CI and docker
 * compose) are created or reset at every start; when none is declared and the store is
 * empty, one is generated and printed once on standard output, the only time its secret
 * is ever shown.
 */
@Component
class CredentialBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CredentialBootstrap.class);

	private final SecurityProperties properties;

	private final HarnessApiKeys harnessKeys;

	CredentialBootstrap(SecurityProperties properties, HarnessApiKeys harnessKeys) {
		this.properties = properties;
		this.harnessKeys = harnessKeys;
	}

	@Override
	public void run(ApplicationArguments args) {
		var everything = EnumSet.allOf(HarnessPermission.class);
		if (this.properties.harnessApiKey() != null && !this.properties.harnessApiKey().isBlank()) {
			this.harnessKeys.declare(this.properties.harnessApiKey(), everything);
			log.info("Harness API key from dbplane.security.harness-api-key is ready");
		}
		else if (!this.harnessKeys.anyKeyExists()) {
			var issued = this.harnessKeys.issue("default", "pat", "bootstrap", everything);
			System.out.println();
			System.out
				.println("dbplane generated the first Harness API key (account 'default'); it is shown only now:");
			System.out.println("    x-api-key: " + issued.key());
			System.out.println();
		}
	}

}
