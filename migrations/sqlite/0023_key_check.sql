-- A value sealed with the key of the node that first started on this database.
-- Every node opens it at start and refuses to run if it cannot: a node with
-- another key would seal CPR numbers no other node can open.
CREATE TABLE key_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sealed TEXT NOT NULL
);
