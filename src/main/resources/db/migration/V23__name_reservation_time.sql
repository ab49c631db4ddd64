-- A reservation whose submission never committed (the node died between the reservation's commit and the
-- submission's) would hold its names for ever. With the time it was made, a later submission of the same names
-- takes over a reservation that is older than app.registration.abandoned-reservation-after and whose registration
-- does not exist.
ALTER TABLE name_reservation ADD COLUMN reserved_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
