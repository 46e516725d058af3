package dev.dbplane.dataplane;

/** The two kinds of server behind PlanetScale databases. */
public enum ServerKind {

	/** PostgreSQL-kind databases: roles log in. */
	POSTGRESQL,

	/** MySQL-kind (Vitess) databases: passwords log in. */
	MYSQL

}
