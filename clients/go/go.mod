module github.com/dbplane/dbplane/clients/go

go 1.26.0

require (
	github.com/antihax/optional v1.0.0
	github.com/harness/harness-go-sdk v0.8.19
	github.com/planetscale/planetscale-go v0.178.0
)

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	github.com/rogpeppe/go-internal v1.14.1 // indirect
	github.com/sirupsen/logrus v1.9.4 // indirect
	github.com/t-tomalak/logrus-easy-formatter v0.0.0-20190827215021-c074f06c5816 // indirect
	golang.org/x/oauth2 v0.36.0 // indirect
	golang.org/x/sys v0.39.0 // indirect
)
