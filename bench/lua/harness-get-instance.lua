-- Harness get instance: GET .../dbschema/bench_schema/instance/bench_instance.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup

local path = "/v1/orgs/bench/projects/bench/dbschema/bench_schema/instance/bench_instance"

request = function()
  return wrk.format("GET", path, common.harness_headers)
end
