package dev.dbplane.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.dbplane.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Harness API keys: issuing (the full key is returned once), listing, revoking and
 * checking a presented key. A key reads {@code pat.<accountId>.<id>.<secret>} (or
 * {@code sat.}).
 */
@Service
public class HarnessApiKeys {

	static final Pattern ACCOUNT = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

	private static final Pattern KEY = Pattern
		.compile("^(pat|sat)\\.([A-Za-z0-9_-]{1,128})\\.([A-Za-z0-9_-]{1,32})\\.([A-Za-z0-9_-]{1,128})$");

	private final AccountRepository accounts;

	private final HarnessApiKeyRepository keys;

	private final Clock clock;

	private final CredentialCache<String, Optional<StoredKey>> cache;

	HarnessApiKeys(AccountRepository accounts, HarnessApiKeyRepository keys, SecurityProperties properties,
			Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.keys = keys;
		this.cache = new CredentialCache<>(properties.credentialCacheTtl());
	}

	/** A newly issued key: {@code key} is the only time the secret is ever shown. */
	public record IssuedKey(String id, String accountId, String key, Set<HarnessPermission> permissions,
			Instant createdAt) {
	}

	@Transactional
	public IssuedKey issue(String accountId, String type, String name, Set<HarnessPermission> permissions) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw ApiException.invalid("account: must match ^[A-Za-z0-9_-]{1,128}$");
		}
		ensureAccount(accountId);
		var id = Secrets.random(22);
		var secret = Secrets.random(32);
		var now = now();
		insert(id, accountId, type, name, secret, permissions, now);
		return new IssuedKey(id, accountId, type + "." + accountId + "." + id + "." + secret, permissions, now);
	}

	/** Creates an account with a first key that may do everything in it. */
	@Transactional
	public IssuedKey createAccount(String accountId) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw ApiException.invalid("id: must match ^[A-Za-z0-9_-]{1,128}$");
		}
		if (this.accounts.existsById(accountId)) {
			throw ApiException.duplicate("Account '" + accountId + "' already exists");
		}
		return issue(accountId, "pat", "admin", EnumSet.of(HarnessPermission.view, HarnessPermission.edit,
				HarnessPermission.delete, HarnessPermission.admin));
	}

	@Transactional(readOnly = true)
	List<HarnessApiKey> list(String accountId) {
		return this.keys.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
	}

	@Transactional
	HarnessApiKey revoke(String accountId, String keyId) {
		if (this.keys.revoke(accountId, keyId, now()) == 0) {
			throw ApiException.notFound("API key '" + keyId + "' not found");
		}
		this.cache.evict(keyId);
		return this.keys.findById(keyId).orElseThrow();
	}

	/**
	 * Declares a key whose full value comes from the environment, so that CI and docker
	 * compose start with a known credential. Idempotent; the environment wins over what
	 * is stored.
	 */
	@Transactional
	public void declare(String rawKey, Set<HarnessPermission> permissions) {
		var parts = parse(rawKey).orElseThrow(() -> new IllegalArgumentException(
				"dbplane.security.harness-api-key must look like pat.<account>.<id>.<secret>"));
		ensureAccount(parts.accountId());
		var existing = this.keys.findById(parts.id());
		if (existing.isPresent()) {
			if (!existing.get().accountId().equals(parts.accountId())) {
				throw new IllegalArgumentException(
						"dbplane.security.harness-api-key: its id is taken by another account");
			}
			existing.get().reset(Secrets.hash(parts.secret()), permissions);
		}
		else {
			insert(parts.id(), parts.accountId(), parts.type(), "bootstrap", parts.secret(), permissions, now());
		}
		this.cache.evict(parts.id());
	}

	@Transactional(readOnly = true)
	public boolean anyKeyExists() {
		return this.keys.count() > 0;
	}

	/**
	 * The caller behind a presented key, or empty when it is malformed, unknown or
	 * revoked.
	 */
	public Optional<HarnessPrincipal> authenticate(String rawKey) {
		var parts = parse(rawKey);
		if (parts.isEmpty()) {
			return Optional.empty();
		}
		var presented = parts.get();
		var stored = this.cache.get(presented.id(), (id) -> this.keys.findById(id).map(StoredKey::from));
		return stored
			.filter((key) -> !key.revoked() && key.accountId().equals(presented.accountId())
					&& key.type().equals(presented.type()) && Secrets.matches(presented.secret(), key.secretHash()))
			.map((key) -> new HarnessPrincipal(key.accountId(), presented.id(), key.permissions()));
	}

	private void ensureAccount(String accountId) {
		this.accounts.ensure(accountId);
	}

	private void insert(String id, String accountId, String type, String name, String secret,
			Set<HarnessPermission> permissions, Instant now) {
		this.keys.save(new HarnessApiKey(id, accountId, type, name, Secrets.hash(secret), permissions, now));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Optional<KeyParts> parse(String rawKey) {
		if (rawKey == null) {
			return Optional.empty();
		}
		var matcher = KEY.matcher(rawKey.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new KeyParts(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
	}

	private record KeyParts(String type, String accountId, String id, String secret) {
	}

	private record StoredKey(String accountId, String type, String secretHash, Set<HarnessPermission> permissions,
			boolean revoked) {

		static StoredKey from(HarnessApiKey key) {
			return new StoredKey(key.accountId(), key.type(), key.secretHash(), key.permissions(), key.isRevoked());
		}

	}

}
