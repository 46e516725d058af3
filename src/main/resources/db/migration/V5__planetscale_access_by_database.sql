-- Service-token accesses by database, then token. The unique index leads with token_id, so it
-- could only find a token's organization-wide accesses (database_id null, read when a token's
-- cache entry is loaded) or its accesses on one database (read on every request of a token
-- scoped to databases) by reading every row of that token: the token that creates databases
-- gets a row for each, and at 670,000 rows one load took 130 ms. Deleting a database (the
-- foreign key's cascade) also finds its rows here instead of scanning the table.
create index planetscale_service_token_access_database
    on planetscale_service_token_access (database_id, token_id);
