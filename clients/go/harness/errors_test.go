package harness

import (
	"net/http"
	"testing"

	"github.com/antihax/optional"
	"github.com/harness/harness-go-sdk/harness/dbops"
)

// TestErrors: invalid input, duplicates and missing resources on every endpoint come back
// as the SDK's typed GenericSwaggerError, 400 or 404, with dbplane's message in its
// ModelError.
func TestErrors(t *testing.T) {
	e := loadEnv(t)
	c, ctx := client(t, e, e.gateway())
	project := uniqueID("errors")
	schema := newSchema(t, e, c, ctx, project, dbops.REPOSITORY_DbSchemaType)
	instance := uniqueID("instance")
	_, resp, err := c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, dbops.DbInstanceIn{Identifier: instance,
		Name: "Existing", Connector: "pg", Branch: "main"}, org, project, schema,
		&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1CreateProjDbSchemaInstance", err, resp, http.StatusCreated)

	repository, flyway := dbops.REPOSITORY_DbSchemaType, dbops.FLYWAY_MigrationType
	validSchema := func(identifier string) dbops.DbSchemaIn {
		return dbops.DbSchemaIn{Identifier: identifier, Name: "Schema", Type_: &repository,
			Changelog: &dbops.Changelog{Connector: "git", Location: "c.yaml"}}
	}
	createSchema := func(in dbops.DbSchemaIn) (*http.Response, error) {
		_, resp, err := c.DatabaseSchemaApi.V1CreateProjDbSchema(ctx, in, org, project,
			&dbops.DatabaseSchemaApiV1CreateProjDbSchemaOpts{HarnessAccount: account(e)})
		return resp, err
	}
	updateSchema := func(dbschema string, body any) (*http.Response, error) {
		_, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchema(ctx, body, org, project, dbschema,
			&dbops.DatabaseSchemaApiV1UpdateProjDbSchemaOpts{HarnessAccount: account(e)})
		return resp, err
	}
	createInstance := func(dbschema string, in dbops.DbInstanceIn) (*http.Response, error) {
		_, resp, err := c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, in, org, project, dbschema,
			&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		return resp, err
	}
	updateInstance := func(dbschema, dbinstance string, body any) (*http.Response, error) {
		_, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchemaInstance(ctx, body, org, project, dbschema, dbinstance,
			&dbops.DatabaseSchemaApiV1UpdateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		return resp, err
	}
	getSchema := func(project, dbschema string) (*http.Response, error) {
		_, resp, err := c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, dbschema,
			&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
		return resp, err
	}
	getInstance := func(dbschema, dbinstance string) (*http.Response, error) {
		_, resp, err := c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, dbschema, dbinstance,
			&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		return resp, err
	}
	listInstances := func(dbschema string) (*http.Response, error) {
		_, resp, err := c.DatabaseInstanceApi.V1ListProjDbSchemaInstance(ctx, org, project, dbschema,
			&dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		return resp, err
	}
	listSchemas := func(opts dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts) (*http.Response, error) {
		opts.HarnessAccount = account(e)
		_, resp, err := c.DatabaseSchemaApi.V1ListProjDbSchema(ctx, org, project, &opts)
		return resp, err
	}
	missing := uniqueID("missing")

	for _, tc := range []struct {
		name   string
		call   func() (*http.Response, error)
		status int
		want   []string
	}{
		// 400: validation, one message naming every offending field
		{"duplicate schema identifier", func() (*http.Response, error) { return createSchema(validSchema(schema)) },
			400, []string{"'" + schema + "' already exists"}},
		{"invalid identifier and blank name", func() (*http.Response, error) {
			in := validSchema("1_starts_with_a_digit")
			in.Name = ""
			return createSchema(in)
		}, 400, []string{"identifier", "name"}},
		{"reserved schema identifier", func() (*http.Response, error) { return createSchema(validSchema("overview")) },
			400, []string{"reserved"}},
		{"changelog without location", func() (*http.Response, error) {
			in := validSchema(uniqueID("schema"))
			in.Changelog.Location = ""
			return createSchema(in)
		}, 400, []string{"changelog.location"}},
		{"unknown field in changelog", func() (*http.Response, error) {
			return updateSchema(schema, map[string]any{"changelog": map[string]any{"location": "c.yaml", "bogus": 1}})
		}, 400, []string{"bogus"}},
		{"identifier changed on update", func() (*http.Response, error) {
			return updateSchema(schema, validSchema(uniqueID("other")))
		}, 400, []string{"identifier"}},
		{"migrationType changed on update", func() (*http.Response, error) {
			in := validSchema(schema)
			in.MigrationType = &flyway
			return updateSchema(schema, in)
		}, 400, []string{"migrationType"}},
		{"duplicate instance identifier", func() (*http.Response, error) {
			return createInstance(schema, dbops.DbInstanceIn{Identifier: instance, Name: "Again", Connector: "pg",
				Branch: "main"})
		}, 400, []string{"'" + instance + "' already exists"}},
		{"instance without connector", func() (*http.Response, error) {
			return createInstance(schema, dbops.DbInstanceIn{Identifier: uniqueID("i"), Name: "I", Branch: "main"})
		}, 400, []string{"connector"}},
		{"instance without name", func() (*http.Response, error) {
			return createInstance(schema, dbops.DbInstanceIn{Identifier: uniqueID("i"), Connector: "pg",
				Branch: "main"})
		}, 400, []string{"name"}},
		{"repository instance without a revision", func() (*http.Response, error) {
			return createInstance(schema, dbops.DbInstanceIn{Identifier: uniqueID("i"), Name: "I", Connector: "pg"})
		}, 400, []string{"branch"}},
		{"two revisions", func() (*http.Response, error) {
			return createInstance(schema, dbops.DbInstanceIn{Identifier: uniqueID("i"), Name: "I", Connector: "pg",
				Branch: "main", GitTag: "v1"})
		}, 400, []string{"mutually exclusive"}},
		{"instance name too long", func() (*http.Response, error) {
			return updateInstance(schema, instance, map[string]any{"name": string(make([]byte, 129))})
		}, 400, []string{"name"}},
		{"limit above 100", func() (*http.Response, error) {
			return listSchemas(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{Limit: optional.NewInt32(101)})
		}, 400, []string{"limit"}},
		{"unknown sort", func() (*http.Response, error) {
			return listSchemas(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{Sort: optional.NewString("size")})
		}, 400, []string{"sort"}},

		// 404: the schema or the instance does not exist
		{"get missing schema", func() (*http.Response, error) { return getSchema(project, missing) }, 404,
			[]string{missing}},
		{"get schema of another project", func() (*http.Response, error) {
			return getSchema(uniqueID("elsewhere"), schema)
		}, 404, []string{schema}},
		{"update missing schema", func() (*http.Response, error) {
			return updateSchema(missing, map[string]any{"name": "x"})
		}, 404, []string{missing}},
		{"delete missing schema", func() (*http.Response, error) {
			return c.DatabaseSchemaApi.V1DeleteProjDbSchema(ctx, org, project, missing,
				&dbops.DatabaseSchemaApiV1DeleteProjDbSchemaOpts{HarnessAccount: account(e)})
		}, 404, []string{missing}},
		{"create instance under missing schema", func() (*http.Response, error) {
			return createInstance(missing, dbops.DbInstanceIn{Identifier: uniqueID("i"), Name: "I", Connector: "pg",
				Branch: "main"})
		}, 404, []string{missing}},
		{"list instances of missing schema", func() (*http.Response, error) { return listInstances(missing) }, 404,
			[]string{missing}},
		{"get missing instance", func() (*http.Response, error) { return getInstance(schema, missing) }, 404,
			[]string{missing}},
		{"get instance under missing schema", func() (*http.Response, error) { return getInstance(missing, instance) },
			404, []string{missing}},
		{"update missing instance", func() (*http.Response, error) {
			return updateInstance(schema, missing, map[string]any{"name": "x"})
		}, 404, []string{missing}},
		{"delete missing instance", func() (*http.Response, error) {
			return c.DatabaseInstanceApi.V1DeleteProjDbSchemaInstance(ctx, org, project, schema, missing,
				&dbops.DatabaseInstanceApiV1DeleteProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		}, 404, []string{missing}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := tc.call()
			wantError(t, err, resp, tc.status, tc.want...)
		})
	}

	// Nothing above changed what was stored.
	got, resp, err := c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, instance,
		&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1GetProjDbSchemaInstance", err, resp, http.StatusOK)
	if got.Name != "Existing" || got.Branch != "main" {
		t.Fatalf("a refused request changed the instance: %+v", got)
	}
	stored, resp, err := c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, schema,
		&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1GetProjDbSchema", err, resp, http.StatusOK)
	if stored.MigrationType == nil || *stored.MigrationType != dbops.LIQUIBASE_MigrationType ||
		stored.Changelog == nil || stored.Changelog.Location != "db/changelog.yaml" {
		t.Fatalf("a refused request changed the schema: %+v", stored)
	}
}

// TestAuthentication: the ways a program hands the SDK its API key and account, and the
// typed errors for a missing or unknown key (401) and another account (403).
func TestAuthentication(t *testing.T) {
	e := loadEnv(t)
	project := uniqueID("auth")

	configured := func(base, apiKey string, header map[string]string) *dbops.APIClient {
		return dbops.NewAPIClient(&dbops.Configuration{BasePath: base, AccountId: e.account, ApiKey: apiKey,
			DefaultHeader: header, UserAgent: "dbplane-clients/harness-go-sdk"})
	}
	fromEnv := dbops.NewConfiguration()
	if fromEnv.BasePath != e.gateway() || fromEnv.AccountId != e.account || fromEnv.ApiKey != e.apiKey {
		t.Fatalf("NewConfiguration read %q/%q from HARNESS_ENDPOINT/HARNESS_ACCOUNT_ID, want %q/%q",
			fromEnv.BasePath, fromEnv.AccountId, e.gateway(), e.account)
	}

	for _, tc := range []struct {
		name    string
		client  *dbops.APIClient
		withKey bool
		account optional.String
		status  int
		want    string
	}{
		{"NewConfiguration from the environment", dbops.NewAPIClient(fromEnv), true, account(e), 200, ""},
		{"key from WithAuthContext", configured(e.bare(), e.apiKey, map[string]string{}), true, account(e), 200, ""},
		{"key in DefaultHeader", configured(e.bare(), "", map[string]string{"x-api-key": e.apiKey}), false,
			account(e), 200, ""},
		{"no Harness-Account", dbops.NewAPIClient(fromEnv), true, optional.EmptyString(), 200, ""},
		{"blank Harness-Account", dbops.NewAPIClient(fromEnv), true, optional.NewString(""), 200, ""},
		{"no key", configured(e.gateway(), "", map[string]string{}), false, account(e), 401, "x-api-key"},
		{"unknown key", configured(e.gateway(), "pat."+e.account+".nosuchkey.secret", map[string]string{}), true,
			account(e), 401, "Invalid API key"},
		{"another account", dbops.NewAPIClient(fromEnv), true, optional.NewString("someone_else"), 403,
			"another account"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ctx := tc.client, ctx(t)
			if tc.withKey {
				c, ctx = c.WithAuthContext(ctx)
			}
			schemas, resp, err := c.DatabaseSchemaApi.V1ListProjDbSchema(ctx, org, project,
				&dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{HarnessAccount: tc.account})
			if tc.status != http.StatusOK {
				wantError(t, err, resp, tc.status, tc.want)
				return
			}
			wantStatus(t, "V1ListProjDbSchema", err, resp, http.StatusOK)
			if len(schemas) != 0 {
				t.Fatalf("a new project lists %+v", schemas)
			}
		})
	}
}
