package dev.dbplane.harness;

import java.util.Optional;

/** What {@link DbInstanceRepositoryImpl} does in SQL, and says why. */
interface DbInstanceRepositoryCustom {

	/**
	 * An instance looked up by its path: the type of its schema, which exists, and the
	 * instance, or {@code null} when the schema has none of that identifier.
	 */
	record InSchema(SchemaType schemaType, DbInstance instance) {
	}

	/**
	 * Inserts a new instance into the schema {@code schema} addresses, in one statement
	 * that also enforces the revision rule of {@link SchemaType#needsRevision()},
	 * committed on its own: it refuses to run inside a transaction. Places the instance
	 * in that schema when it was inserted.
	 * @return whether it was inserted: {@code false} when the schema is missing or is one
	 * whose instances need a revision the instance lacks. A taken identifier violates
	 * {@code harness_instance_identifier_unique}; a schema deleted meanwhile violates
	 * {@code harness_instance_schema_id_fkey}.
	 * @throws org.springframework.dao.InvalidDataAccessApiUsageException inside a
	 * transaction (the repository's translation of an {@link IllegalStateException})
	 */
	boolean insert(SchemaKey schema, DbInstance instance);

	/**
	 * The instance {@code identifier} of the schema {@code schema} addresses, not managed
	 * by JPA: for reading only. Empty when that schema is missing.
	 */
	Optional<InSchema> find(SchemaKey schema, String identifier);

}
