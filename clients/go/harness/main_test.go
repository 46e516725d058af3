// Package harness drives a running dbplane with harness-go-sdk's dbops client, exactly as a
// program built on it (Terraform's Harness provider is one) would. clients/run starts dbplane
// and sets the environment below.
package harness

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/antihax/optional"
	"github.com/harness/harness-go-sdk/harness/dbops"
)

// env is what clients/run passes: where dbplane listens, and the declared API key and its
// account under the names the SDK's own NewConfiguration reads.
type env struct {
	url, account, apiKey string
}

func loadEnv(t *testing.T) env {
	t.Helper()
	e := env{
		url:     os.Getenv("DBPLANE_URL"),
		account: os.Getenv("HARNESS_ACCOUNT_ID"),
		apiKey:  os.Getenv("HARNESS_PLATFORM_API_KEY"),
	}
	if e.url == "" || e.account == "" || e.apiKey == "" || os.Getenv("HARNESS_ENDPOINT") == "" {
		// Not a skip: without a dbplane to drive, the suite has tested nothing.
		t.Fatal("DBPLANE_URL, HARNESS_ENDPOINT, HARNESS_ACCOUNT_ID and HARNESS_PLATFORM_API_KEY must be set " +
			"(clients/run sets them)")
	}
	return e
}

// The two base paths real users give the SDK: Harness's default endpoint ends in /gateway
// (Terraform's `endpoint`), and the bare base URL.
func (e env) gateway() string { return e.url + "/gateway" }
func (e env) bare() string    { return e.url }

// client is the SDK pointed at base: BasePath, AccountId and ApiKey in the Configuration, and
// the key put into the context by the SDK's WithAuthContext, where its API methods look for it.
func client(t *testing.T, e env, base string) (*dbops.APIClient, context.Context) {
	t.Helper()
	c := dbops.NewAPIClient(&dbops.Configuration{
		BasePath:      base,
		AccountId:     e.account,
		ApiKey:        e.apiKey,
		DefaultHeader: map[string]string{},
		UserAgent:     "dbplane-clients/harness-go-sdk",
	})
	return c.WithAuthContext(ctx(t))
}

func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// account is the Harness-Account header Terraform sends on every call.
func account(e env) optional.String { return optional.NewString(e.account) }

var sequence atomic.Int64

// uniqueID gives every run its own identifiers (`^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$`), so a rerun
// against the same dbplane never collides with what an earlier run left.
func uniqueID(prefix string) string {
	return fmt.Sprintf("%s_%d_%d", prefix, time.Now().UnixNano()%1_000_000_000_000, sequence.Add(1))
}

// wantError asserts that a call failed with the SDK's typed GenericSwaggerError for status,
// carrying dbplane's message with each of want in it. For 400, 403, 404 and 500 the SDK decodes the body into its
// ModelError (a decode failure would replace the error text, so the text is checked to be
// the status line); for other codes it keeps the raw body, which is decoded here.
func wantError(t *testing.T, err error, resp *http.Response, status int, want ...string) {
	t.Helper()
	var swaggerErr dbops.GenericSwaggerError
	if !errors.As(err, &swaggerErr) {
		t.Fatalf("want dbops.GenericSwaggerError with status %d, got %T: %v", status, err, err)
	}
	if resp == nil || resp.StatusCode != status {
		t.Fatalf("want status %d, got response %v (error %q, body %s)", status, statusOf(resp), swaggerErr,
			swaggerErr.Body())
	}
	if !strings.HasPrefix(swaggerErr.Error(), strconv.Itoa(status)) {
		t.Fatalf("the SDK's error text is not the status line: %q (body %s)", swaggerErr.Error(), swaggerErr.Body())
	}
	var message string
	switch status {
	case 400, 403, 404, 500:
		model, ok := swaggerErr.Model().(dbops.ModelError)
		if !ok {
			t.Fatalf("want a decoded dbops.ModelError, got %T (body %s)", swaggerErr.Model(), swaggerErr.Body())
		}
		message = model.Message
	default:
		var model dbops.ModelError
		if err := json.Unmarshal(swaggerErr.Body(), &model); err != nil {
			t.Fatalf("error body is not {\"message\": ...}: %s", swaggerErr.Body())
		}
		message = model.Message
	}
	for _, w := range want {
		if !strings.Contains(message, w) {
			t.Fatalf("want a message containing %q, got %q", w, message)
		}
	}
}

func statusOf(resp *http.Response) any {
	if resp == nil {
		return "none"
	}
	return resp.StatusCode
}

// wantStatus asserts a successful call and its status code.
func wantStatus(t *testing.T, what string, err error, resp *http.Response, status int) {
	t.Helper()
	if err != nil {
		var swaggerErr dbops.GenericSwaggerError
		if errors.As(err, &swaggerErr) {
			t.Fatalf("%s: %v (body %s)", what, err, swaggerErr.Body())
		}
		t.Fatalf("%s: %v", what, err)
	}
	if resp == nil || resp.StatusCode != status {
		t.Fatalf("%s: want status %d, got %v", what, status, statusOf(resp))
	}
	// The SDK returns a zero value without an error when a 2xx body is not JSON.
	if status != http.StatusNoContent && !strings.Contains(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%s: Content-Type %q; the SDK decodes only application/json", what, resp.Header.Get("Content-Type"))
	}
}

// wantRecent asserts an epoch-seconds timestamp of this run (milliseconds would be far off).
func wantRecent(t *testing.T, what string, epochSeconds int64) {
	t.Helper()
	if d := time.Since(time.Unix(epochSeconds, 0)); d < -time.Minute || d > 10*time.Minute {
		t.Fatalf("%s = %d is not epoch seconds of this run", what, epochSeconds)
	}
}

// header reads one of the integer paging headers of a list response.
func header(t *testing.T, resp *http.Response, name string) int {
	t.Helper()
	n, err := strconv.Atoi(resp.Header.Get(name))
	if err != nil {
		t.Fatalf("%s header %q is not an integer", name, resp.Header.Get(name))
	}
	return n
}

// wantPaging asserts the three paging headers of a list response.
func wantPaging(t *testing.T, what string, resp *http.Response, total, page, size int) {
	t.Helper()
	got := [3]int{header(t, resp, "X-Total-Elements"), header(t, resp, "X-Page-Number"), header(t, resp, "X-Page-Size")}
	if want := [3]int{total, page, size}; got != want {
		t.Fatalf("%s: X-Total-Elements/X-Page-Number/X-Page-Size %v, want %v", what, got, want)
	}
}

// walkPages lists page 0, 1, ... of size limit until an empty page, checking each page's
// headers, and returns what the pages held, in order.
func walkPages(t *testing.T, total, limit int, list func(page, limit int) ([]string, *http.Response)) []string {
	t.Helper()
	var walked []string
	for page := 0; ; page++ {
		got, resp := list(page, limit)
		wantPaging(t, fmt.Sprintf("page %d", page), resp, total, page, limit)
		if len(got) == 0 {
			return walked
		}
		walked = append(walked, got...)
		if page > total/limit+1 {
			t.Fatal("paging does not end")
		}
	}
}

func ptr[T any](v T) *T { return &v }
