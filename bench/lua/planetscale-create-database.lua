-- PlanetScale create database: POST /v1/organizations/bench/databases with a unique name.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup

local path = "/v1/organizations/" .. (os.getenv("PS_ORGANIZATION") or "bench") .. "/databases"

request = function()
  local name = string.gsub(common.unique("d"), "_", "-")
  local body = string.format('{"name": "%s", "cluster_size": "PS_10"}', name)
  return wrk.format("POST", path, common.ps_headers, body)
end
