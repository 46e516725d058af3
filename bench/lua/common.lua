-- Shared by the bench scripts: credentials and unique names for wrk's threads.
-- Environment: HARNESS_KEY (x-api-key), PS_TOKEN (Authorization: <id>:<secret>), PS_ORGANIZATION.
local M = {}

local threads = 0

-- A random tag per wrk invocation, so that names never repeat across runs on one database.
local function nonce()
  local f = io.open("/dev/urandom", "rb")
  local bytes = f:read(6)
  f:close()
  return (bytes:gsub(".", function(c) return string.format("%02x", string.byte(c)) end))
end

function M.setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
  thread:set("run_tag", nonce())
end

function M.unique(prefix)
  counter = (counter or 0) + 1
  return string.format("%s_%s_%d_%d", prefix, run_tag or "n", tid or 0, counter)
end

M.harness_headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
  ["x-api-key"] = os.getenv("HARNESS_KEY"),
}

M.ps_headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
  ["Authorization"] = os.getenv("PS_TOKEN"),
}

return M
