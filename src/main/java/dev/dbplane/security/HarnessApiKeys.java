package dev.dbplane.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.dbplane.web.ApiException;
import dev.dbplane.persistence.TimestampColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String COLUMNS = "id, account_id, type, name, secret_hash, permissions, created_at, revoked_at";

	private final JdbcClient jdbc;

	private final CredentialCache<String, Optional<StoredKey>> cache;

	HarnessApiKeys(JdbcClient jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.cache = new CredentialCache<>(properties.credentialCacheTtl());
	}

	/** A newly issued key: {@code key} is the only time the secret is ever shown. */
	public record IssuedKey(String id, String accountId, String key, Set<HarnessPermission> permissions) {
	}

	@Transactional
	public IssuedKey issue(String accountId, String type, String name, Set<HarnessPermission> permissions) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw ApiException.invalid("account: must match ^[A-Za-z0-9_-]{1,128}$");
		}
		ensureAccount(accountId);
		var id = Secrets.random(22);
		var secret = Secrets.random(32);
		insert(id, accountId, type, name, secret, permissions);
		return new IssuedKey(id, accountId, type + "." + accountId + "." + id + "." + secret, permissions);
	}

	/** Creates an account with a first key that may do everything in it. */
	@Transactional
	public IssuedKey createAccount(String accountId) {
		if (!ACCOUNT.matcher(accountId).matches()) {
			throw ApiException.invalid("id: must match ^[A-Za-z0-9_-]{1,128}$");
		}
		if (this.jdbc.sql("select exists (select 1 from account where id = ?)")
			.param(accountId)
			.query(Boolean.class)
			.single()) {
			throw ApiException.duplicate("Account '" + accountId + "' already exists");
		}
		return issue(accountId, "pat", "admin", EnumSet.of(HarnessPermission.view, HarnessPermission.edit,
				HarnessPermission.delete, HarnessPermission.admin));
	}

	@Transactional(readOnly = true)
	List<HarnessApiKey> list(String accountId) {
		return this.jdbc.sql("select " + COLUMNS + " from harness_api_key where account_id = ? order by created_at, id")
			.param(accountId)
			.query(HarnessApiKeys::key)
			.list();
	}

	@Transactional
	HarnessApiKey revoke(String accountId, String keyId) {
		// A key revoked before keeps the time it was first revoked.
		var key = this.jdbc
			.sql("update harness_api_key set revoked_at = coalesce(revoked_at, ?) "
					+ "where id = ? and account_id = ? returning " + COLUMNS)
			.params(now(), keyId, accountId)
			.query(HarnessApiKeys::key)
			.optional()
			.orElseThrow(() -> ApiException.notFound("API key '" + keyId + "' not found"));
		this.cache.evict(keyId);
		return key;
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
		var existing = find(parts.id());
		if (existing.isPresent()) {
			if (!existing.get().accountId().equals(parts.accountId())) {
				throw new IllegalArgumentException(
						"dbplane.security.harness-api-key: its id is taken by another account");
			}
			this.jdbc.sql("update harness_api_key set secret_hash = ?, permissions = ?, revoked_at = null where id = ?")
				.params(Secrets.hash(parts.secret()), HarnessApiKey.columnOf(permissions), parts.id())
				.update();
		}
		else {
			insert(parts.id(), parts.accountId(), parts.type(), "bootstrap", parts.secret(), permissions);
		}
		this.cache.evict(parts.id());
	}

	@Transactional(readOnly = true)
	public boolean anyKeyExists() {
		return this.jdbc.sql("select exists (select 1 from harness_api_key)").query(Boolean.class).single();
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
		var stored = this.cache.get(presented.id(), (id) -> find(id).map(StoredKey::from));
		return stored
			.filter((key) -> !key.revoked() && key.accountId().equals(presented.accountId())
					&& key.type().equals(presented.type()) && Secrets.matches(presented.secret(), key.secretHash()))
			.map((key) -> new HarnessPrincipal(key.accountId(), presented.id(), key.permissions()));
	}

	private Optional<HarnessApiKey> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from harness_api_key where id = ?")
			.param(id)
			.query(HarnessApiKeys::key)
			.optional();
	}

	private void ensureAccount(String accountId) {
		this.jdbc.sql("insert into account (id) values (?) on conflict do nothing").param(accountId).update();
	}

	private void insert(String id, String accountId, String type, String name, String secret,
			Set<HarnessPermission> permissions) {
		this.jdbc.sql("insert into harness_api_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null)")
			.params(id, accountId, type, name, Secrets.hash(secret), HarnessApiKey.columnOf(permissions), now())
			.update();
	}

	private static HarnessApiKey key(ResultSet rs, int row) throws SQLException {
		return new HarnessApiKey(rs.getString("id"), rs.getString("account_id"), rs.getString("type"),
				rs.getString("name"), rs.getString("secret_hash"),
				HarnessApiKey.permissionsOf(rs.getString("permissions")), TimestampColumns.instant(rs, "created_at"),
				TimestampColumns.instant(rs, "revoked_at"));
	}

	private static OffsetDateTime now() {
		return TimestampColumns.timestamptz(Instant.now().truncatedTo(ChronoUnit.MICROS));
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
