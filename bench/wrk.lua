-- The API rows: each request from one of 1,000 client addresses behind the proxy, as the API's many clients send
-- them, so the throttle keeps a short history per client instead of one endless history for the single wrk client.
-- The script builds the request's headers itself, so it sends the proxy's HTTPS header too (without it every
-- request is a redirect to HTTPS, which wrk does not count as an error).
local counter = 0
request = function()
  counter = counter + 1
  local client = "198.51." .. (math.floor(counter / 250) % 4) .. "." .. (counter % 250)
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = client, ["X-Forwarded-Proto"] = "https" })
end
