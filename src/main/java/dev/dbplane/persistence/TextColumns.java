package dev.dbplane.persistence;

/**
 * The rows of a multi-row statement, column by column, as text arrays: a statement takes
 * each as one {@code ?::text[]} parameter, unnests them and casts every column to its
 * type in SQL (a value's {@code toString()} is its text: UUIDs, numbers, booleans,
 * ISO-8601 instants). One array parameter per column keeps the statement the same for any
 * number of rows, so PostgreSQL prepares it once.
 */
public final class TextColumns {

	private final String[][] columns;

	private int rows;

	public TextColumns(int columns, int rows) {
		this.columns = new String[columns][rows];
	}

	/** Adds a row: one value per column, in the columns' order, each may be null. */
	public void add(Object... values) {
		if (values.length != this.columns.length) {
			throw new IllegalArgumentException(values.length + " values for " + this.columns.length + " columns");
		}
		for (int i = 0; i < values.length; i++) {
			this.columns[i][this.rows] = (values[i] != null) ? values[i].toString() : null;
		}
		this.rows++;
	}

	/** The statement's parameters: an array per column, then {@code more}. */
	public Object[] parameters(Object... more) {
		var parameters = new Object[this.columns.length + more.length];
		System.arraycopy(this.columns, 0, parameters, 0, this.columns.length);
		System.arraycopy(more, 0, parameters, this.columns.length, more.length);
		return parameters;
	}

}
