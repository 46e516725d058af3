package dev.dbplane.dataplane;

/**
 * One table of a branch's real database as its server describes it.
 *
 * @param name the table's name
 * @param raw the statement that creates it, as the server writes it
 */
public record TableSchema(String name, String raw) {
}
