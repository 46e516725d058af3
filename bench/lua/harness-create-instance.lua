-- Harness create instance: POST .../dbschema/bench_schema/instance with a unique identifier.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup

local path = "/v1/orgs/bench/projects/bench/dbschema/bench_schema/instance"

request = function()
  local body = string.format(
    '{"identifier": "%s", "name": "Bench instance", "connector": "pg", "branch": "main",'
      .. ' "context": "bench", "tags": {"env": "bench"}, "substituteProperties": {"DB": "bench"}}',
    common.unique("i"))
  return wrk.format("POST", path, common.harness_headers, body)
end
