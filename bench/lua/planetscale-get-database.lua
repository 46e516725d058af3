-- PlanetScale get database: GET /v1/organizations/bench/databases/bench-database.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup

local path = "/v1/organizations/" .. (os.getenv("PS_ORGANIZATION") or "bench") .. "/databases/bench-database"

request = function()
  return wrk.format("GET", path, common.ps_headers)
end
