package dev.dbplane.dataplane;

/** What a provisioning task does on its server. */
public enum TaskAction {

	CREATE_DATABASE, DROP_DATABASE, CREATE_LOGIN, SET_PASSWORD, SET_EXPIRY, EXPIRE_LOGIN, DROP_LOGIN, REASSIGN_OWNED,
	SET_PARAMETERS

}
