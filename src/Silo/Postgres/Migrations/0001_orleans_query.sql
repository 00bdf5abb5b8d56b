-- The Orleans ADO.NET providers ship no SQL: at start-up each one reads its statements from this table
-- by key ("SELECT QueryKey, QueryText FROM OrleansQuery"), so the name is fixed by the providers.
-- Every statement stored here is GridActors' own; the later migrations fill it in.
CREATE TABLE orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
