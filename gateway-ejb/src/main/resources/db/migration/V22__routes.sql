-- The routes to carriers, in the order they are tried: edited in the portal and through SOAP
-- provisioning, read by every node (each reloads them within seconds of a change). A list column
-- holds its values one per line (a company's name may hold a comma); an empty carriers column is a
-- rule that refuses what it matches.
CREATE TABLE carrier_route (
    position    INTEGER       NOT NULL PRIMARY KEY,
    name        VARCHAR(40)   NOT NULL UNIQUE,
    prefixes    VARCHAR(1000) NOT NULL,
    countries   VARCHAR(500)  NOT NULL,
    companies   VARCHAR(2000) NOT NULL,
    departments VARCHAR(2000) NOT NULL,
    kinds       VARCHAR(200)  NOT NULL,
    carriers    VARCHAR(500)  NOT NULL
);
