/**
 * The data plane: real databases and logins behind PlanetScale branches, passwords and
 * roles, on a PostgreSQL and a MySQL (or MariaDB) server of dbplane's configuration.
 * <p>
 * The PlanetScale family calls {@link dev.dbplane.dataplane.DataPlane} inside its own
 * transactions: each call stores a task that runs once that transaction commits, and
 * {@link dev.dbplane.dataplane.ProvisioningListener} beans are told of each task done,
 * inside the transaction that records it. Names come from
 * {@link dev.dbplane.dataplane.DataPlaneNames}.
 */
package dev.dbplane.dataplane;
